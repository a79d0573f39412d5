<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AssetDesk::AttachDialog</name>
    <message numerus="yes">
        <location filename="../src/widgets/attachdialog.cpp" line="+172"/>
        <source>%n asset(s) will be sent.</source>
        <translation>
            <numerusform>%n asset will be sent.</numerusform>
            <numerusform>%n assets will be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n asset(s) cannot be sent and will be left out.</source>
        <translation>
            <numerusform>%n asset cannot be sent and will be left out.</numerusform>
            <numerusform>%n assets cannot be sent and will be left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachFlow</name>
    <message numerus="yes">
        <location filename="../src/app/attachflow.cpp" line="+48"/>
        <source>Associated %n asset(s) with %1.</source>
        <translation>
            <numerusform>Associated %n asset with %1.</numerusform>
            <numerusform>Associated %n assets with %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachJob</name>
    <message numerus="yes">
        <location filename="../src/sync/attachjob.cpp" line="+356"/>
        <source>Associated %n asset(s) with %1</source>
        <translation>
            <numerusform>Associated %n asset with %1</numerusform>
            <numerusform>Associated %n assets with %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachService</name>
    <message numerus="yes">
        <location filename="../src/sync/attachservice.cpp" line="+28"/>
        <source>Attach %n asset(s) to ticket %1</source>
        <translation>
            <numerusform>Attach %n asset to ticket %1</numerusform>
            <numerusform>Attach %n assets to ticket %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Attach %n asset(s) to case %1</source>
        <translation>
            <numerusform>Attach %n asset to case %1</numerusform>
            <numerusform>Attach %n assets to case %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Associate %n asset(s) with %1</source>
        <translation>
            <numerusform>Associate %n asset with %1</numerusform>
            <numerusform>Associate %n assets with %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::CasesCommand</name>
    <message numerus="yes">
        <location filename="../src/cli/casescommand.cpp" line="+120"/>
        <source>%1: CRM synced - %2 changed, %3 removed, %n row(s) skipped, %4 s</source>
        <translation>
            <numerusform>%1: CRM synced - %2 changed, %3 removed, %n row skipped, %4 s</numerusform>
            <numerusform>%1: CRM synced - %2 changed, %3 removed, %n rows skipped, %4 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposeFlow</name>
    <message numerus="yes">
        <location filename="../src/app/composeflow.cpp" line="+342"/>
        <source>Too late for %n post(s): already being sent.</source>
        <translation>
            <numerusform>Too late for %n post: already being sent.</numerusform>
            <numerusform>Too late for %n posts: already being sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerDialog</name>
    <message numerus="yes">
        <location filename="../src/widgets/composerdialog.cpp" line="+287"/>
        <source>Publish now (undo %n s)</source>
        <translation>
            <numerusform>Publish now (undo %n s)</numerusform>
            <numerusform>Publish now (undo %n s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Own text, %n left</source>
        <translation>
            <numerusform>Own text, %n left</numerusform>
            <numerusform>Own text, %n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Shared text, %n left</source>
        <translation>
            <numerusform>Shared text, %n left</numerusform>
            <numerusform>Shared text, %n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerModel</name>
    <message numerus="yes">
        <location filename="../src/models/composermodel.cpp" line="+185"/>
        <source>The text for %1 is %n character(s) too long.</source>
        <translation>
            <numerusform>The text for %1 is %n character too long.</numerusform>
            <numerusform>The text for %1 is %n characters too long.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerUndoNotice</name>
    <message numerus="yes">
        <location filename="../src/widgets/composerundonotice.cpp" line="+46"/>
        <source>%1 · sending in %n s</source>
        <translation>
            <numerusform>%1 · sending in %n s</numerusform>
            <numerusform>%1 · sending in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamGalleryWatchers</name>
    <message numerus="yes">
        <location filename="../src/sync/damgallerywatchers.cpp" line="+67"/>
        <source>Stopped; %n new upload(s) arrived while watching.</source>
        <translation>
            <numerusform>Stopped; %n new upload arrived while watching.</numerusform>
            <numerusform>Stopped; %n new uploads arrived while watching.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n new upload(s) so far</source>
        <translation>
            <numerusform>%n new upload so far</numerusform>
            <numerusform>%n new uploads so far</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamSyncEngine</name>
    <message numerus="yes">
        <location filename="../src/sync/damsyncengine.cpp" line="+289"/>
        <source>Confirming %n removal(s)…</source>
        <translation>
            <numerusform>Confirming %n removal…</numerusform>
            <numerusform>Confirming %n removals…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamWriteBackAttempt</name>
    <message numerus="yes">
        <location filename="../src/sync/damwritebackattempt.cpp" line="+250"/>
        <source>Archived as iconik asset %1 with %n file(s) uploaded (no metadata view configured)</source>
        <translation>
            <numerusform>Archived as iconik asset %1 with %n file uploaded (no metadata view configured)</numerusform>
            <numerusform>Archived as iconik asset %1 with %n files uploaded (no metadata view configured)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Archived as iconik asset %1 with %n file(s) uploaded</source>
        <translation>
            <numerusform>Archived as iconik asset %1 with %n file uploaded</numerusform>
            <numerusform>Archived as iconik asset %1 with %n files uploaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::DynamicsWebApi</name>
    <message numerus="yes">
        <location filename="../src/connectors/dynamics/dynamicswebapi.cpp" line="+118"/>
        <source>Dynamics 365 returned more than %n rows; narrow the query.</source>
        <translation>
            <numerusform>Dynamics 365 returned more than %n rows; narrow the query.</numerusform>
            <numerusform>Dynamics 365 returned more than %n rows; narrow the query.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::EngagementView</name>
    <message numerus="yes">
        <location filename="../src/widgets/engagementview.cpp" line="+83"/>
        <source>%n post(s): %1 impressions, %2 likes, %3 reposts, %4 replies</source>
        <translation>
            <numerusform>%n post: %1 impressions, %2 likes, %3 reposts, %4 replies</numerusform>
            <numerusform>%n posts: %1 impressions, %2 likes, %3 reposts, %4 replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::FollowUpDialog</name>
    <message numerus="yes">
        <location filename="../src/widgets/followupdialog.cpp" line="+188"/>
        <source>%n of %1 asset(s) can be sent.</source>
        <translation>
            <numerusform>%n of %1 assets can be sent.</numerusform>
            <numerusform>%n of %1 assets can be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::GalleryAccessView</name>
    <message numerus="yes">
        <location filename="../src/widgets/galleryaccessview.cpp" line="+82"/>
        <source>None of %n galleries matches this ticket (no gallery id, gallery name or organization in it).</source>
        <translation>
            <numerusform>The only gallery does not match this ticket (no gallery id, gallery name or organization in it).</numerusform>
            <numerusform>None of %n galleries matches this ticket (no gallery id, gallery name or organization in it).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n gallery(s) match this ticket; checked %1.</source>
        <translation>
            <numerusform>%n gallery matches this ticket; checked %1.</numerusform>
            <numerusform>%n galleries match this ticket; checked %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::GalleryWatchFlow</name>
    <message numerus="yes">
        <location filename="../src/app/gallerywatchflow.cpp" line="+39"/>
        <source>%n new upload(s) in “%1”.</source>
        <translation>
            <numerusform>%n new upload in “%1”.</numerusform>
            <numerusform>%n new uploads in “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::HelpdeskFlows</name>
    <message numerus="yes">
        <location filename="../src/app/helpdeskflows.cpp" line="+136"/>
        <source>%1: %n gallery(s) match.</source>
        <translation>
            <numerusform>%1: %n gallery matches.</numerusform>
            <numerusform>%1: %n galleries match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::HelpdeskPane</name>
    <message numerus="yes">
        <location filename="../src/widgets/helpdeskpane.cpp" line="+296"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryPane</name>
    <message numerus="yes">
        <location filename="../src/widgets/librarypane.cpp" line="+315"/>
        <source>%Ln asset(s)</source>
        <translation>
            <numerusform>%Ln asset</numerusform>
            <numerusform>%Ln assets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryText</name>
    <message numerus="yes">
        <location filename="../src/models/librarytext.cpp" line="+24"/>
        <source>Expiring within %n day(s)</source>
        <translation>
            <numerusform>Expiring within %n day</numerusform>
            <numerusform>Expiring within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>Expired %n day ago</numerusform>
            <numerusform>Expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Expires in %n day</numerusform>
            <numerusform>Expires in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::MetricsCommand</name>
    <message numerus="yes">
        <location filename="../src/cli/metricscommand.cpp" line="+190"/>
        <source>Asset %1: %n post(s), %2 impressions, %3 likes, %4 reposts, %5 replies</source>
        <translation>
            <numerusform>Asset %1: %n post, %2 impressions, %3 likes, %4 reposts, %5 replies</numerusform>
            <numerusform>Asset %1: %n posts, %2 impressions, %3 likes, %4 reposts, %5 replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::SearchCommand</name>
    <message numerus="yes">
        <location filename="../src/cli/searchcommand.cpp" line="+111"/>
        <source>%1 of %n matching asset(s) shown.</source>
        <translation>
            <numerusform>%1 of %n matching asset shown.</numerusform>
            <numerusform>%1 of %n matching assets shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::SecretPrompt</name>
    <message numerus="yes">
        <location filename="../src/cli/secretprompt.cpp" line="+46"/>
        <source>Expected %n secret line(s) on standard input.</source>
        <translation>
            <numerusform>Expected %n secret line on standard input.</numerusform>
            <numerusform>Expected %n secret lines on standard input.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::SupportDesk</name>
    <message numerus="yes">
        <location filename="../src/app/supportdesk.cpp" line="+168"/>
        <source>Ticket #%1 is not among the first %n ticket(s) the queue lists; its conversation is shown beside the queue.</source>
        <translation>
            <numerusform>Ticket #%1 is not the first ticket the queue lists; its conversation is shown beside the queue.</numerusform>
            <numerusform>Ticket #%1 is not among the first %n tickets the queue lists; its conversation is shown beside the queue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::SyncCommand</name>
    <message numerus="yes">
        <location filename="../src/cli/synccommand.cpp" line="+184"/>
        <source>%1: %n item(s) skipped, %2 stored with adjustments:</source>
        <translation>
            <numerusform>%1: %n item skipped, %2 stored with adjustments:</numerusform>
            <numerusform>%1: %n items skipped, %2 stored with adjustments:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::SyncOutcome</name>
    <message numerus="yes">
        <location filename="../src/sync/syncoutcometext.cpp" line="+17"/>
        <source>%n asset(s) read</source>
        <translation>
            <numerusform>%n asset read</numerusform>
            <numerusform>%n assets read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n stored</source>
        <translation>
            <numerusform>%n stored</numerusform>
            <numerusform>%n stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+12"/>
        <location line="+10"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-20"/>
        <location line="+22"/>
        <source>%n skipped (see the log)</source>
        <translation>
            <numerusform>%n skipped (see the log)</numerusform>
            <numerusform>%n skipped (see the log)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-20"/>
        <source>%n in the library</source>
        <translation>
            <numerusform>%n in the library</numerusform>
            <numerusform>%n in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n changed ticket(s)</source>
        <translation>
            <numerusform>%n changed ticket</numerusform>
            <numerusform>%n changed tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n in the cache</source>
        <translation>
            <numerusform>%n in the cache</numerusform>
            <numerusform>%n in the cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n record(s) stored</source>
        <translation>
            <numerusform>%n record stored</numerusform>
            <numerusform>%n records stored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::WorkspaceLauncher</name>
    <message numerus="yes">
        <location filename="../src/app/workspacelauncher.cpp" line="+125"/>
        <source>%n demo account(s) ready</source>
        <translation>
            <numerusform>%n demo account ready</numerusform>
            <numerusform>%n demo accounts ready</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::XQueueDelegate</name>
    <message numerus="yes">
        <location filename="../src/widgets/xqueuedelegate.cpp" line="+41"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
</TS>
