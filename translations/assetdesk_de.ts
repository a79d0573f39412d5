<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountEditDialog</name>
    <message>
        <location filename="../ui/accounteditdialog.ui" line="+6"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How this account appears in AssetDesk</source>
        <translation>So erscheint dieses Konto in AssetDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in &amp;method:</source>
        <translation>Anmelde&amp;methode:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login:</source>
        <translation>Anmeldename:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, e.g. DACH or Japan</source>
        <translation>Optional, z. B. DACH oder Japan</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../ui/accountspage.ui" line="+11"/>
        <source>Connections to your services. Keys and tokens are kept in your desktop&apos;s keyring, never in AssetDesk&apos;s files.</source>
        <translation>Verbindungen zu Ihren Diensten. Schlüssel und Tokens werden im Schlüsselbund Ihrer Arbeitsumgebung aufbewahrt, nie in den Dateien von AssetDesk.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>AssetDesk</name>
    <message>
        <location filename="../src/sync/attachtargets.cpp" line="+20"/>
        <source>is not in the local cache; sync the account first.</source>
        <translation>ist nicht im lokalen Cache; synchronisieren Sie zuerst das Konto.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountEditDialog</name>
    <message>
        <location filename="../src/widgets/accounteditdialog.cpp" line="+30"/>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Unchanged (stored in the keyring)</source>
        <translation>Unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>After you save, AssetDesk opens your browser so you can sign in. The tokens it receives are kept in your keyring.</source>
        <translation>Nach dem Speichern öffnet AssetDesk Ihren Browser, damit Sie sich anmelden können. Die erhaltenen Tokens werden in Ihrem Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key is stored in your desktop&apos;s keyring, never in AssetDesk&apos;s files.</source>
        <translation>Der Schlüssel wird im Schlüsselbund Ihrer Arbeitsumgebung gespeichert, nie in den Dateien von AssetDesk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save and Sign In</source>
        <translation>Speichern und anmelden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The address must be a web address such as %1.</source>
        <translation>Die Adresse muss eine Webadresse wie %1 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+2"/>
        <source>Please fill in “%1”.</source>
        <translation>Bitte füllen Sie das Feld „%1“ aus.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Please fill in “%1” or the full address.</source>
        <translation>Bitte füllen Sie das Feld „%1“ oder die vollständige Adresse aus.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connected as %1.</source>
        <translation>Verbunden als %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected as %1 (%2).</source>
        <translation>Verbunden als %1 (%2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountRepository</name>
    <message>
        <location filename="../src/storage/accountrepository.cpp" line="+117"/>
        <source>An account for %1 with this address and login already exists.</source>
        <translation>Ein Konto für %1 mit dieser Adresse und diesem Login gibt es bereits.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountService</name>
    <message>
        <location filename="../src/sync/accountservice.cpp" line="+161"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Connected as %1</source>
        <translation>Verbunden als %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The account changed meanwhile.</source>
        <translation>Das Konto wurde inzwischen geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Warten auf die Anmeldung im Browser…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in; checking the connection…</source>
        <translation>Angemeldet; Verbindung wird geprüft…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test connection: %1</source>
        <translation>Verbindung testen: %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountSyncJobs</name>
    <message>
        <location filename="../src/sync/accountsyncjobs.cpp" line="+25"/>
        <source>This account is already being synced.</source>
        <translation>Dieses Konto wird bereits synchronisiert.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The account changed during the sync; what was stored is kept.</source>
        <translation>Das Konto hat sich während der Synchronisation geändert; bereits Gespeichertes bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountsCommand</name>
    <message>
        <location filename="../src/cli/accountscommand.cpp" line="+45"/>
        <source>Add, test, sign in and remove service accounts</source>
        <translation>Dienstkonten hinzufügen, testen, anmelden und entfernen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accounts list       List the configured accounts</source>
        <translation>accounts list       Die eingerichteten Konten auflisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accounts add        Add an account: --service ID [--name N] [--method M] [--base-url URL]
                    [--login L] [--organization O] [--region R] [--secret-stdin]
                    Secrets are read from standard input (--secret-stdin: the key on the
                    first line, a password on the second) or asked for with echo off;
                    never from the command line. They are stored in the keyring.</source>
        <translation>accounts add        Konto hinzufügen: --service ID [--name N] [--method M] [--base-url URL]
                    [--login L] [--organization O] [--region R] [--secret-stdin]
                    Zugangsdaten werden von der Standardeingabe gelesen (--secret-stdin: der
                    Schlüssel in der ersten Zeile, ein Passwort in der zweiten) oder ohne Echo
                    abgefragt, nie von der Befehlszeile. Sie werden im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accounts test       Test accounts: ID|NAME... or --all</source>
        <translation>accounts test       Konten testen: ID|NAME... oder --all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accounts sign-in    Sign an OAuth account in through the browser: ID|NAME</source>
        <translation>accounts sign-in    Ein OAuth-Konto über den Browser anmelden: ID|NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accounts remove     Remove accounts and their keys: ID|NAME...</source>
        <translation>accounts remove     Konten und ihre Schlüssel entfernen: ID|NAME...</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>usage: assetdesk-cli accounts list | add | test | sign-in | remove (see --help)</source>
        <translation>Aufruf: assetdesk-cli accounts list | add | test | sign-in | remove (siehe --help)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No account is configured. Add one with `assetdesk-cli accounts add`.</source>
        <translation>Es ist kein Konto eingerichtet. Fügen Sie eines mit `assetdesk-cli accounts add` hinzu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+42"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+46"/>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last verified</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The %1 is needed: pass --secret-stdin and write it on standard input.</source>
        <translation>%1 wird benötigt: Geben Sie --secret-stdin an und schreiben Sie den Wert auf die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Service id</source>
        <translation>Dienst-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in method</source>
        <translation>Anmeldemethode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in server</source>
        <translation>Anmeldeserver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read secrets from standard input</source>
        <translation>Zugangsdaten von der Standardeingabe lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected arguments: %1</source>
        <translation>Unerwartete Argumente: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--service must be one of: %1</source>
        <translation>--service muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--method for %1 must be one of: %2</source>
        <translation>--method muss für %1 einer dieser Werte sein: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--login is needed (%1).</source>
        <translation>--login wird benötigt (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--organization is needed (%1).</source>
        <translation>--organization wird benötigt (%1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--organization (%1) or --base-url is needed.</source>
        <translation>--organization (%1) oder --base-url wird benötigt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a web address.</source>
        <translation>%1 ist keine Webadresse.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving the account timed out.</source>
        <translation>Zeitüberschreitung beim Speichern des Kontos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Added account %1 (%2).</source>
        <translation>Konto %1 (%2) hinzugefügt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in did not finish; run `assetdesk-cli accounts sign-in %1` to try again.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen; führen Sie `assetdesk-cli accounts sign-in %1` aus, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No account is called %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No answer within %1 seconds.</source>
        <translation>Keine Antwort innerhalb von %1 Sekunden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ok      %1 (%2): connected as %3</source>
        <translation>ok      %1 (%2): verbunden als %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FAILED  %1 (%2): %3</source>
        <translation>FEHLER  %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>usage: assetdesk-cli accounts test ID|NAME... | --all</source>
        <translation>Aufruf: assetdesk-cli accounts test ID|NAME... | --all</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>usage: assetdesk-cli accounts sign-in ID|NAME</source>
        <translation>Aufruf: assetdesk-cli accounts sign-in ID|NAME</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>usage: assetdesk-cli accounts remove ID|NAME...</source>
        <translation>Aufruf: assetdesk-cli accounts remove ID|NAME...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Removed account %1 (%2).</source>
        <translation>Konto %1 (%2) entfernt.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountsModel</name>
    <message>
        <location filename="../src/models/accountsmodel.cpp" line="+27"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (sandbox)</source>
        <translation>%1 (Sandbox)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Not tested this session</source>
        <translation>In dieser Sitzung nicht getestet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountsPage</name>
    <message>
        <location filename="../src/widgets/accountspage.cpp" line="+28"/>
        <source>No accounts yet.
Add… connects a PhotoShelter or iconik library, an X account, Dynamics 365 or Zendesk.</source>
        <translation>Noch keine Konten.
Hinzufügen… verbindet eine PhotoShelter- oder iconik-Bibliothek, ein X-Konto, Dynamics 365 oder Zendesk.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected as %1.</source>
        <translation>Verbunden als %1.</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+12"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove “%1”? Its keys are deleted from the keyring and its cached content from this workspace.</source>
        <translation>Konto „%1“ entfernen? Seine Schlüssel werden aus dem Schlüsselbund und seine zwischengespeicherten Inhalte aus diesem Arbeitsbereich gelöscht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Warten auf die Anmeldung im Browser…</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AssetUseReader</name>
    <message>
        <location filename="../src/models/assetusereader.cpp" line="+74"/>
        <source>Archived copy</source>
        <translation>Archivkopie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another asset</source>
        <translation>Anderes Asset</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, through a derivative</source>
        <translation>%1, über ein Derivat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, indirectly</source>
        <translation>%1, indirekt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>X post (no longer in the workspace)</source>
        <translation>X-Beitrag (nicht mehr im Arbeitsbereich)</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1; its file is no longer on disk</source>
        <translation>%1; die Datei ist nicht mehr auf dem Datenträger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1; its file is not an image or a video (%2)</source>
        <translation>%1; die Datei ist weder ein Bild noch ein Video (%2)</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+13"/>
        <source>X post on %1</source>
        <translation>X-Beitrag auf %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Scheduled X post on %1</source>
        <translation>Geplanter X-Beitrag auf %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>X post being published on %1</source>
        <translation>X-Beitrag wird auf %1 veröffentlicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed X post on %1</source>
        <translation>Fehlgeschlagener X-Beitrag auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft X post on %1</source>
        <translation>X-Beitragsentwurf auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted X post on %1</source>
        <translation>Gelöschter X-Beitrag auf %1</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Zendesk ticket comment (no longer in the workspace)</source>
        <translation>Zendesk-Ticketkommentar (nicht mehr im Arbeitsbereich)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zendesk ticket #%1</source>
        <translation>Zendesk-Ticket #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zendesk ticket #%1, internal note</source>
        <translation>Zendesk-Ticket #%1, interne Notiz</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dynamics case note (no longer in the workspace)</source>
        <translation>Dynamics-Fallnotiz (nicht mehr im Arbeitsbereich)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dynamics case %1</source>
        <translation>Dynamics-Fall %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dynamics case note</source>
        <translation>Dynamics-Fallnotiz</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (no longer in the workspace)</source>
        <translation>%1 (nicht mehr im Arbeitsbereich)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dynamics account</source>
        <translation>Dynamics-Firma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dynamics opportunity</source>
        <translation>Dynamics-Verkaufschance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dynamics event</source>
        <translation>Dynamics-Veranstaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dynamics record</source>
        <translation>Dynamics-Datensatz</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Derivative (no longer in the workspace)</source>
        <translation>Derivat (nicht mehr im Arbeitsbereich)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video derivative</source>
        <translation>Video-Derivat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image derivative</source>
        <translation>Bild-Derivat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 × %2, %3</source>
        <translation>%1 × %2, %3</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>a removed account</source>
        <translation>ein entferntes Konto</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachAttempt</name>
    <message>
        <location filename="../src/sync/attachattempt.cpp" line="+32"/>
        <source>• %1 (%2, asset %3, version %4)</source>
        <translation>• %1 (%2, Asset %3, Version %4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The account was changed or removed before the files were sent.</source>
        <translation>Das Konto wurde geändert oder entfernt, bevor die Dateien gesendet wurden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tickets can only be attached to through a Zendesk account.</source>
        <translation>An Tickets kann nur über ein Zendesk-Konto angehängt werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases and customer records need a Dynamics 365 account.</source>
        <translation>Fälle und Kundendatensätze erfordern ein Dynamics 365-Konto.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Attaching was cancelled.</source>
        <translation>Das Anhängen wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <source>The Zendesk account was changed or removed while sending.</source>
        <translation>Das Zendesk-Konto wurde während des Sendens geändert oder entfernt.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Uploading %1 (%2 of %3)</source>
        <translation>%1 wird hochgeladen (%2 von %3)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Adding the reply</source>
        <translation>Antwort wird hinzugefügt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adding the internal note</source>
        <translation>Interne Notiz wird hinzugefügt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a Zendesk ticket number.</source>
        <translation>„%1“ ist keine Zendesk-Ticketnummer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attached from the asset library.</source>
        <translation>Aus der Asset-Bibliothek angehängt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The Dynamics 365 account was changed or removed while sending.</source>
        <translation>Das Dynamics 365-Konto wurde während des Sendens geändert oder entfernt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adding the note with %1 (%2 of %3)</source>
        <translation>Notiz mit %1 wird hinzugefügt (%2 von %3)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Adding the note to %1</source>
        <translation>Notiz zu %1 wird hinzugefügt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assets from the library</source>
        <translation>Assets aus der Bibliothek</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 The notes already added (%2) could not be taken back.</source>
        <translation>%1 Die bereits hinzugefügten Notizen (%2) konnten nicht zurückgenommen werden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachCommand</name>
    <message>
        <location filename="../src/cli/attachcommand.cpp" line="+26"/>
        <source>usage: assetdesk-cli attach --ticket N | --case ID [--account ID] [--internal] [--rendition NAME] [--text TEXT] [--subject TEXT] [--json] ASSET...</source>
        <translation>Aufruf: assetdesk-cli attach --ticket N | --case ID [--account ID] [--internal] [--rendition NAME] [--text TEXT] [--subject TEXT] [--json] ASSET...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach library assets to a Zendesk ticket or a Dynamics 365 case</source>
        <translation>Bibliotheks-Assets an ein Zendesk-Ticket oder einen Dynamics 365-Fall anhängen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>attach --ticket N | --case ID [--account ID] [--internal] [--rendition NAME]
       [--text TEXT] [--subject TEXT] [--json] ASSET...
                    Checks each asset&apos;s approval, licence and size, uploads the original
                    (or --rendition) and adds one comment to the ticket (public unless
                    --internal) or a note per file to the case (number or GUID).</source>
        <translation>attach --ticket N | --case ID [--account ID] [--internal] [--rendition NAME]
       [--text TEXT] [--subject TEXT] [--json] ASSET...
                    Prüft Freigabe, Lizenz und Größe jedes Assets, lädt das Original
                    (oder --rendition) hoch und fügt dem Ticket einen Kommentar hinzu
                    (öffentlich, außer mit --internal) bzw. dem Fall (Nummer oder GUID)
                    je Datei eine Notiz.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Give either --ticket or --case.</source>
        <translation>Geben Sie entweder --ticket oder --case an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--internal is for tickets; case notes are always internal.</source>
        <translation>--internal gilt für Tickets; Notizen zu Fällen sind immer intern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name at least one asset by its library id.</source>
        <translation>Nennen Sie mindestens ein Asset mit seiner Bibliotheks-ID.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a library asset id.</source>
        <translation>%1 ist keine ID eines Bibliotheks-Assets.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--account needs an account id (see accounts list).</source>
        <translation>--account braucht eine Konto-ID (siehe accounts list).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--ticket needs a Zendesk ticket number.</source>
        <translation>--ticket braucht eine Zendesk-Ticketnummer.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Attaching did not finish in time; check the ticket or case before trying again.</source>
        <translation>Das Anhängen ist nicht rechtzeitig fertig geworden; prüfen Sie das Ticket oder den Fall, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Attached %1 to %2 (%3 bytes).</source>
        <translation>%1 an %2 angehängt (%3 Bytes).</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachDialog</name>
    <message>
        <location filename="../src/widgets/attachdialog.cpp" line="+37"/>
        <source>Attach to Ticket</source>
        <translation>An Ticket anhängen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach to ticket %1</source>
        <translation>An Ticket %1 anhängen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Public reply</source>
        <translation>Ö&amp;ffentliche Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Internal note</source>
        <translation>&amp;Interne Notiz</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send as:</source>
        <translation>Senden als:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attach to Case</source>
        <translation>An Fall anhängen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Associate with Customer Record</source>
        <translation>Mit Kundendatensatz verknüpfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach to case %1</source>
        <translation>An Fall %1 anhängen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Associate with %1 (a note naming the assets; no files are copied)</source>
        <translation>Mit %1 verknüpfen (eine Notiz, die die Assets nennt; es werden keine Dateien kopiert)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files from the asset library</source>
        <translation>Dateien aus der Asset-Bibliothek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assets from the library</source>
        <translation>Assets aus der Bibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> (%1 of %2 assets)</source>
        <translation> (%1 von %2 Assets)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Associate</source>
        <translation>&amp;Verknüpfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Attach</source>
        <translation>&amp;Anhängen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n asset(s) will be sent.</source>
        <translation>
            <numerusform>%n Asset wird gesendet.</numerusform>
            <numerusform>%n Assets werden gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n asset(s) cannot be sent and will be left out.</source>
        <translation>
            <numerusform>%n Asset kann nicht gesendet werden und wird ausgelassen.</numerusform>
            <numerusform>%n Assets können nicht gesendet werden und werden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limit per file: %1.</source>
        <translation>Limit pro Datei: %1.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachFlow</name>
    <message numerus="yes">
        <location filename="../src/app/attachflow.cpp" line="+48"/>
        <source>Associated %n asset(s) with %1.</source>
        <translation>
            <numerusform>%n Asset mit %1 verknüpft.</numerusform>
            <numerusform>%n Assets mit %1 verknüpft.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attached %1 to %2.</source>
        <translation>%1 an %2 angehängt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was attached to %1: %2</source>
        <translation>An %1 wurde nichts angehängt: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The record belongs to another account.</source>
        <translation>Der Datensatz gehört zu einem anderen Konto.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Attach Assets</source>
        <translation>Assets anhängen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drop cannot be attached: %1</source>
        <translation>Die abgelegten Elemente können nicht angehängt werden: %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachJob</name>
    <message>
        <location filename="../src/sync/attachjob.cpp" line="+48"/>
        <source>No assets to attach.</source>
        <translation>Keine Assets zum Anhängen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asset %1 is no longer in the library.</source>
        <translation>Asset %1 ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The file of “%1” could not be read.</source>
        <translation>Die Datei von „%1“ konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file of “%1” is neither on this computer nor linked by its library; sync the library and try again.</source>
        <translation>Die Datei von „%1“ ist weder auf diesem Computer noch von ihrer Bibliothek verlinkt; synchronisieren Sie die Bibliothek und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Zendesk did not return the comment.</source>
        <translation>Zendesk hat den Kommentar nicht zurückgegeben.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Checking rights and sizes</source>
        <translation>Rechte und Größen werden geprüft</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+37"/>
        <source>Attaching was cancelled.</source>
        <translation>Das Anhängen wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Fetching %1 from the library</source>
        <translation>%1 wird aus der Bibliothek abgerufen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The asset&apos;s library cannot hand out its files.</source>
        <translation>Die Bibliothek des Assets kann ihre Dateien nicht herausgeben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” (%2) is larger than the %3 this service accepts per attachment; choose a smaller rendition.</source>
        <translation>„%1“ (%2) ist größer als die %3, die dieser Dienst pro Anhang akzeptiert; wählen Sie eine kleinere Rendition.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connecting to %1</source>
        <translation>Verbindung zu %1 wird hergestellt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account chosen for %1 is not a %2 account.</source>
        <translation>Das für %1 gewählte Konto ist kein %2-Konto.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The account was changed while the files were sent.</source>
        <translation>Das Konto wurde geändert, während die Dateien gesendet wurden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recording the attachment</source>
        <translation>Anhang wird vermerkt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The files were attached, but recording it locally failed: %1</source>
        <translation>Die Dateien wurden angehängt, aber das lokale Vermerken ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Associated %n asset(s) with %1</source>
        <translation>
            <numerusform>%n Asset mit %1 verknüpft</numerusform>
            <numerusform>%n Assets mit %1 verknüpft</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attached %1 to %2</source>
        <translation>%1 an %2 angehängt</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachService</name>
    <message numerus="yes">
        <location filename="../src/sync/attachservice.cpp" line="+28"/>
        <source>Attach %n asset(s) to ticket %1</source>
        <translation>
            <numerusform>%n Asset an Ticket %1 anhängen</numerusform>
            <numerusform>%n Assets an Ticket %1 anhängen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Attach %n asset(s) to case %1</source>
        <translation>
            <numerusform>%n Asset an Fall %1 anhängen</numerusform>
            <numerusform>%n Assets an Fall %1 anhängen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Associate %n asset(s) with %1</source>
        <translation>
            <numerusform>%n Asset mit %1 verknüpfen</numerusform>
            <numerusform>%n Assets mit %1 verknüpfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachTargets</name>
    <message>
        <location filename="../src/sync/attachtargets.cpp" line="+33"/>
        <source>The ticket</source>
        <translation>Das Ticket</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The case</source>
        <translation>Der Fall</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The opportunity</source>
        <translation>Die Verkaufschance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assets are associated with accounts and opportunities only.</source>
        <translation>Assets werden nur mit Kundenkonten und Verkaufschancen verknüpft.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The customer account</source>
        <translation>Das Kundenkonto</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Ticket #%1</source>
        <translation>Ticket #%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Case %1</source>
        <translation>Fall %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachmentFiles</name>
    <message>
        <location filename="../src/sync/attachmentfiles.cpp" line="+26"/>
        <source>Cannot create the folder for downloaded attachments.</source>
        <translation>Der Ordner für heruntergeladene Anhänge lässt sich nicht anlegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save the attachment.</source>
        <translation>Der Anhang lässt sich nicht speichern.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Ticket attachments come from a Zendesk account.</source>
        <translation>Ticket-Anhänge kommen aus einem Zendesk-Konto.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This note has no file.</source>
        <translation>Diese Notiz hat keine Datei.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Case notes come from a Dynamics 365 account.</source>
        <translation>Fallnotizen kommen aus einem Dynamics-365-Konto.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The account changed during the download.</source>
        <translation>Das Konto hat sich während des Downloads geändert.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachmentOpenFlow</name>
    <message>
        <location filename="../src/app/attachmentopenflow.cpp" line="+44"/>
        <source>the attachment</source>
        <translation>den Anhang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No application opens %1. It is saved as %2.</source>
        <translation>Keine Anwendung öffnet %1. Die Datei ist unter %2 gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::AttachmentRules</name>
    <message>
        <location filename="../src/core/attachmentrules.cpp" line="+84"/>
        <source>“%1” has no rendition called “%2”.</source>
        <translation>„%1“ hat keine Rendition namens „%2“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original file of “%1” is not available from its library.</source>
        <translation>Die Originaldatei von „%1“ ist über ihre Bibliothek nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” (%2, %3) is larger than the %4 this service accepts per attachment; choose a smaller rendition.</source>
        <translation>„%1“ (%2, %3) ist größer als die %4, die dieser Dienst pro Anhang akzeptiert; wählen Sie eine kleinere Rendition.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CampaignCollectionDialog</name>
    <message>
        <location filename="../src/widgets/campaigncollectiondialog.cpp" line="+30"/>
        <source>Create DAM Collection</source>
        <translation>DAM-Sammlung erstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audience:</source>
        <translation>Zielgruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Launch date:</source>
        <translation>Starttermin:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DAM account:</source>
        <translation>DAM-Konto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make it in:</source>
        <translation>Erstellen in:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Collection</source>
        <translation>Sammlung anzeigen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>(top level)</source>
        <translation>(oberste Ebene)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The workspace has no PhotoShelter or iconik account to make the collection in.</source>
        <translation>Der Arbeitsbereich hat kein PhotoShelter- oder iconik-Konto, in dem die Sammlung erstellt werden kann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iconik: a collection named after the campaign; these facts go into its campaign metadata.</source>
        <translation>iconik: eine nach der Kampagne benannte Sammlung; diese Angaben werden in ihre Kampagnen-Metadaten übernommen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PhotoShelter: a gallery named after the campaign, shared by permission; these facts go into its description and keywords.</source>
        <translation>PhotoShelter: eine nach der Kampagne benannte Galerie, nur mit Berechtigung freigegeben; diese Angaben werden in ihre Beschreibung und Schlüsselwörter übernommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This campaign already has the collection &quot;%1&quot; in this account (since %2); a second one would split its assets.</source>
        <translation>Diese Kampagne hat in diesem Konto bereits die Sammlung „%1“ (seit %2); eine zweite würde ihre Assets aufteilen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CampaignCollectionService</name>
    <message>
        <location filename="../src/sync/campaigncollectionservice.cpp" line="+96"/>
        <source>The collection &quot;%1&quot; was made, but the campaign&apos;s metadata could not be written to it: %2</source>
        <translation>Die Sammlung „%1“ wurde erstellt, aber die Metadaten der Kampagne konnten nicht in sie geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Campaign: %1</source>
        <translation>Kampagne: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audience: %1</source>
        <translation>Zielgruppe: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Launch date: %1</source>
        <translation>Starttermin: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner: %1</source>
        <translation>Verantwortlich: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choose a synced campaign with a name.</source>
        <translation>Wählen Sie eine synchronisierte Kampagne mit Namen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Campaign collections can be made in PhotoShelter and iconik accounts.</source>
        <translation>Kampagnensammlungen können in PhotoShelter- und iconik-Konten erstellt werden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CaseDetailView</name>
    <message>
        <location filename="../src/widgets/casedetailview.cpp" line="+19"/>
        <source>Find Assets</source>
        <translation>Assets suchen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search the library for this case&apos;s customer and product, approved assets first</source>
        <translation>Die Bibliothek nach Kunde und Produkt dieses Falls durchsuchen, freigegebene Assets zuerst</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select a case to read its notes. Drop library assets on a case to attach them, or on a customer or opportunity to associate them.</source>
        <translation>Wählen Sie einen Fall aus, um seine Notizen zu lesen. Ziehen Sie Bibliotheks-Assets auf einen Fall, um sie anzuhängen, oder auf einen Kunden oder eine Verkaufschance, um sie zu verknüpfen.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CasesCommand</name>
    <message>
        <location filename="../src/cli/casescommand.cpp" line="+47"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%1: CRM synced - %2 changed, %3 removed, %n row(s) skipped, %4 s</source>
        <translation>
            <numerusform>%1: CRM synchronisiert - %2 geändert, %3 entfernt, %n Zeile übersprungen, %4 s</numerusform>
            <numerusform>%1: CRM synchronisiert - %2 geändert, %3 entfernt, %n Zeilen übersprungen, %4 s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>List Dynamics 365 cases from the local CRM cache</source>
        <translation>Dynamics 365-Fälle aus dem lokalen CRM-Cache auflisten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cases               [--account NAME] [--priority high|normal|low] [--state active|resolved|canceled]
                    [--sync [--full]]  High priority first; --sync fetches the changes first.</source>
        <translation>cases               [--account NAME] [--priority high|normal|low] [--state active|resolved|canceled]
                    [--sync [--full]]  Hohe Priorität zuerst; --sync ruft vorher die Änderungen ab.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>usage: assetdesk-cli cases [--account NAME] [--priority high|normal|low] [--state active|resolved|canceled] [--sync [--full]] [--json]</source>
        <translation>Aufruf: assetdesk-cli cases [--account NAME] [--priority high|normal|low] [--state active|resolved|canceled] [--sync [--full]] [--json]</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No cases.</source>
        <translation>Keine Fälle.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CliContext</name>
    <message>
        <location filename="../src/cli/clicontext.cpp" line="+79"/>
        <source>Open this address in your browser to sign in:</source>
        <translation>Öffnen Sie diese Adresse im Browser, um sich anzumelden:</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposeFlow</name>
    <message>
        <location filename="../src/app/composeflow.cpp" line="+163"/>
        <location line="+26"/>
        <source>New post on X</source>
        <translation>Neuer Beitrag auf X</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The assets could not be read: %1</source>
        <translation>Die Assets konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The post could not be put back in the queue: %1</source>
        <translation>Der Beitrag konnte nicht wieder eingereiht werden: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>An attached asset is no longer in the library.</source>
        <translation>Ein angehängtes Asset ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Post queued for %1</source>
        <translation>Beitrag für %1 eingereiht</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Post pulled back; nothing was sent.</source>
        <translation>Beitrag zurückgezogen; es wurde nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Too late for %n post(s): already being sent.</source>
        <translation>
            <numerusform>Zu spät für %n Beitrag: er wird bereits gesendet.</numerusform>
            <numerusform>Zu spät für %n Beiträge: sie werden bereits gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerAttachmentEditor</name>
    <message>
        <location filename="../src/widgets/composerattachmenteditor.cpp" line="+20"/>
        <source>Edit image…</source>
        <translation>Bild bearbeiten…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove this attachment</source>
        <translation>Diesen Anhang entfernen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Alt text (required): describe the image</source>
        <translation>Alternativtext (erforderlich): Bild beschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt text: describe the image</source>
        <translation>Alternativtext: Bild beschreiben</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerDialog</name>
    <message>
        <location filename="../src/widgets/composerdialog.cpp" line="+48"/>
        <source>Customise per account</source>
        <translation>Pro Konto anpassen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+231"/>
        <source>Publish now</source>
        <translation>Jetzt veröffentlichen</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>Schedule…</source>
        <translation>Planen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New post on X</source>
        <translation>Neuer Beitrag auf X</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Post to:</source>
        <translation>Posten an:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What is happening?</source>
        <translation>Was gibt es Neues?</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Nothing was queued: %1</source>
        <translation>Nichts wurde eingereiht: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>Publish now (undo %n s)</source>
        <translation>
            <numerusform>Jetzt veröffentlichen (Rückgängig %n s)</numerusform>
            <numerusform>Jetzt veröffentlichen (Rückgängig %n s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2 characters as X counts them (links count 23, most CJK characters 2)</source>
        <translation>%1 von %2 Zeichen, wie X sie zählt (Links zählen 23, die meisten CJK-Zeichen 2)</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Own text, %n left</source>
        <translation>
            <numerusform>Eigener Text, noch %n</numerusform>
            <numerusform>Eigener Text, noch %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Shared text, %n left</source>
        <translation>
            <numerusform>Gemeinsamer Text, noch %n</numerusform>
            <numerusform>Gemeinsamer Text, noch %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerModel</name>
    <message>
        <location filename="../src/models/composermodel.cpp" line="+153"/>
        <source>Choose at least one X account to post to.</source>
        <translation>Wählen Sie mindestens ein X-Konto, an das gepostet wird.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The scheduled time has passed; choose a later time.</source>
        <translation>Der geplante Zeitpunkt ist verstrichen; wählen Sie einen späteren.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The post for %1 has neither text nor media.</source>
        <translation>Der Beitrag für %1 hat weder Text noch Medien.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The text for %1 is %n character(s) too long.</source>
        <translation>
            <numerusform>Der Text für %1 ist %n Zeichen zu lang.</numerusform>
            <numerusform>Der Text für %1 ist %n Zeichen zu lang.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The text for %1 contains a character X does not accept.</source>
        <translation>Der Text für %1 enthält ein Zeichen, das X nicht akzeptiert.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>“%1” is neither an image nor a video; X cannot post it.</source>
        <translation>„%1“ ist weder ein Bild noch ein Video; X kann es nicht posten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” has no local file yet; let the library download it first.</source>
        <translation>„%1“ hat noch keine lokale Datei; lassen Sie die Bibliothek sie zuerst herunterladen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The alt text of “%1” is longer than %2 characters.</source>
        <translation>Der Alternativtext von „%1“ ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” needs alt text.</source>
        <translation>„%1“ braucht einen Alternativtext.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A post can carry at most %1 images; %2 are attached.</source>
        <translation>Ein Beitrag kann höchstens %1 Bilder enthalten; %2 sind angehängt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A video or GIF must be the only medium of a post; remove the other attachments.</source>
        <translation>Ein Video oder GIF muss das einzige Medium eines Beitrags sein; entfernen Sie die anderen Anhänge.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerSchedulePicker</name>
    <message>
        <location filename="../src/widgets/composerschedulepicker.cpp" line="+22"/>
        <source>Schedule post</source>
        <translation>Beitrag planen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send at:</source>
        <translation>Senden um:</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ComposerUndoNotice</name>
    <message>
        <location filename="../src/widgets/composerundonotice.cpp" line="+15"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%1 · sending in %n s</source>
        <translation>
            <numerusform>%1 · wird in %n s gesendet</numerusform>
            <numerusform>%1 · wird in %n s gesendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::ConnectorPool</name>
    <message>
        <location filename="../src/sync/connectorpool.cpp" line="+61"/>
        <source>This account no longer exists.</source>
        <translation>Dieses Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is a demo account of the built-in sandbox: its keys exist only in the AssetDesk window that started the sandbox. Use a workspace with your own accounts here.</source>
        <translation>„%1“ ist ein Demokonto der eingebauten Sandbox: Seine Schlüssel gibt es nur im AssetDesk-Fenster, das die Sandbox gestartet hat. Verwenden Sie hier einen Arbeitsbereich mit Ihren eigenen Konten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key of “%1” is not in the keyring. Edit the account in Settings → Accounts to enter it again.</source>
        <translation>Der Schlüssel von „%1“ ist nicht im Schlüsselbund. Bearbeiten Sie das Konto unter Einstellungen → Konten, um ihn erneut einzugeben.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ConnectorRegistry</name>
    <message>
        <location filename="../src/connectors/connectorregistry.cpp" line="+51"/>
        <source>AssetDesk cannot talk to %1.</source>
        <translation>AssetDesk kann nicht mit %1 kommunizieren.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CrmCollectionFlows</name>
    <message>
        <location filename="../src/app/crmcollectionflows.cpp" line="+42"/>
        <source>The record is no longer in the local cache.</source>
        <translation>Der Datensatz ist nicht mehr im lokalen Cache.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record belongs to another account.</source>
        <translation>Der Datensatz gehört zu einem anderen Konto.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No collection can be made for the campaign: %1</source>
        <translation>Für die Kampagne kann keine Sammlung erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Making the collection for &quot;%1&quot; in %2…</source>
        <translation>Sammlung für „%1“ wird in %2 erstellt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No collection was made for &quot;%1&quot;: %2</source>
        <translation>Für „%1“ wurde keine Sammlung erstellt: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The campaign &quot;%1&quot; has its collection &quot;%2&quot; in %3.</source>
        <translation>Die Kampagne „%1“ hat ihre Sammlung „%2“ in %3.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The event cannot be linked: %1</source>
        <translation>Die Veranstaltung kann nicht verknüpft werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The event &quot;%1&quot; was not linked: %2</source>
        <translation>Die Veranstaltung „%1“ wurde nicht verknüpft: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The event &quot;%1&quot; is linked to &quot;%2&quot;; what is uploaded there from now on is associated with it.</source>
        <translation>Die Veranstaltung „%1“ ist mit „%2“ verknüpft; was dort ab jetzt hochgeladen wird, wird mit ihr verknüpft.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CrmPane</name>
    <message>
        <location filename="../src/widgets/crmpane.cpp" line="+46"/>
        <source>Dynamics 365 environment</source>
        <translation>Dynamics 365-Umgebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter customers, opportunities, cases, campaigns, events</source>
        <translation>Kunden, Verkaufschancen, Fälle, Kampagnen, Veranstaltungen filtern</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No customers, opportunities, cases, campaigns or events yet.</source>
        <translation>Noch keine Kunden, Verkaufschancen, Fälle, Kampagnen oder Veranstaltungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing matches “%1”.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Loading the notes…</source>
        <translation>Notizen werden geladen…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Find Assets</source>
        <translation>Assets suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create DAM Collection…</source>
        <translation>DAM-Sammlung erstellen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link to Collection…</source>
        <translation>Mit Sammlung verknüpfen…</translation>
    </message>
</context>
<context>
    <name>AssetDesk::CrmTreeModel</name>
    <message>
        <location filename="../src/models/crmtreemodel.cpp" line="+99"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../src/models/crmtreenode.cpp" line="+54"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Customers (%1)</source>
        <translation>Kunden (%1)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing soon: %1</source>
        <translation>Abschluss in Kürze: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closes %1</source>
        <translation>Abschluss %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cases of Contacts (%1)</source>
        <translation>Fälle von Kontakten (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Campaigns (%1)</source>
        <translation>Kampagnen (%1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Launch %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>Collection: %1</source>
        <translation>Sammlung: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Events (%1)</source>
        <translation>Veranstaltungen (%1)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamCursor</name>
    <message>
        <location filename="../src/connectors/damcursor.cpp" line="+22"/>
        <source>The saved %1 sync position cannot be read; the sync starts over.</source>
        <translation>Die gespeicherte Synchronisationsposition von %1 ist nicht lesbar; die Synchronisation beginnt von vorn.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamGalleryWatchers</name>
    <message numerus="yes">
        <location filename="../src/sync/damgallerywatchers.cpp" line="+67"/>
        <source>Stopped; %n new upload(s) arrived while watching.</source>
        <translation>
            <numerusform>Beendet; während der Beobachtung ist %n neuer Upload eingetroffen.</numerusform>
            <numerusform>Beendet; während der Beobachtung sind %n neue Uploads eingetroffen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Only PhotoShelter and iconik galleries can be watched.</source>
        <translation>Nur Galerien von PhotoShelter und iconik können beobachtet werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n new upload(s) so far</source>
        <translation>
            <numerusform>bisher %n neuer Upload</numerusform>
            <numerusform>bisher %n neue Uploads</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking for new uploads failed; trying again: %1</source>
        <translation>Die Suche nach neuen Uploads ist fehlgeschlagen; neuer Versuch: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Watch for new uploads</source>
        <translation>Auf neue Uploads achten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Watching %1 for new uploads</source>
        <translation>%1 wird auf neue Uploads beobachtet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for new uploads…</source>
        <translation>Warten auf neue Uploads…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped watching.</source>
        <translation>Beobachtung beendet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamMapping</name>
    <message>
        <location filename="../src/connectors/dammapping.cpp" line="+70"/>
        <source>%1 item %2 was kept with adjustments: %3.</source>
        <translation>%1-Element %2 wurde mit Anpassungen übernommen: %3.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 sent an item that was skipped: %2.</source>
        <translation>%1 hat ein Element gesendet, das übersprungen wurde: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 item %2 was skipped: %3.</source>
        <translation>%1-Element %2 wurde übersprungen: %3.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamSyncEngine</name>
    <message>
        <location filename="../src/sync/damsyncengine.cpp" line="+59"/>
        <location line="+177"/>
        <location line="+27"/>
        <location line="+33"/>
        <source>The sync was cancelled; what it stored is kept.</source>
        <translation>Die Synchronisation wurde abgebrochen; bereits Gespeichertes bleibt erhalten.</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Reading collections and galleries…</source>
        <translation>Sammlungen und Galerien werden gelesen…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1: reading page %2 failed: %3 Everything up to page %4 is stored; the next sync continues from there.</source>
        <translation>%1: Das Lesen von Seite %2 ist fehlgeschlagen: %3 Alles bis Seite %4 ist gespeichert; die nächste Synchronisation setzt dort fort.</translation>
    </message>
    <message numerus="yes">
        <location line="+126"/>
        <source>Confirming %n removal(s)…</source>
        <translation>
            <numerusform>%n Entfernung wird bestätigt…</numerusform>
            <numerusform>%n Entfernungen werden bestätigt…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: confirming removed assets failed: %2 Nothing was removed; the next full sync tries again.</source>
        <translation>%1: Das Bestätigen entfernter Assets ist fehlgeschlagen: %2 Nichts wurde entfernt; die nächste vollständige Synchronisation versucht es erneut.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 pages, %2 assets (%3 changed, %4 removed)</source>
        <translation>%1 Seiten, %2 Assets (%3 geändert, %4 entfernt)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Building the search index…</source>
        <translation>Suchindex wird aufgebaut…</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamSyncService</name>
    <message>
        <location filename="../src/sync/damsyncservice.cpp" line="+104"/>
        <source>Full sync</source>
        <translation>Vollständige Synchronisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full sync: %1</source>
        <translation>Vollständige Synchronisation: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync: %1</source>
        <translation>Synchronisation: %1</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>%1 is not a PhotoShelter or iconik account; only those can be synced into the library.</source>
        <translation>%1 ist kein PhotoShelter- oder iconik-Konto; nur solche können in die Bibliothek synchronisiert werden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fetching thumbnails…</source>
        <translation>Vorschaubilder werden geladen…</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamWriteBackAttempt</name>
    <message>
        <location filename="../src/sync/damwritebackattempt.cpp" line="+45"/>
        <source>The write-back job&apos;s account is not a PhotoShelter or iconik account.</source>
        <translation>Das Konto dieses Rückschreibe-Auftrags ist kein PhotoShelter- oder iconik-Konto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PhotoShelter keeps no lifecycle status; nothing to write.</source>
        <translation>PhotoShelter führt keinen Lebenszyklus-Status; es gibt nichts zu schreiben.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown write-back job kind %1.</source>
        <translation>Unbekannte Art von Rückschreibe-Auftrag: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Writing the lifecycle status of iconik asset %1</source>
        <translation>Lebenszyklus-Status des iconik-Assets %1 schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iconik asset %1 is %2</source>
        <translation>iconik-Asset %1 ist %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Marking iconik asset %1 as a top performer</source>
        <translation>iconik-Asset %1 als Top-Performer markieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iconik asset %1 marked as a top performer</source>
        <translation>iconik-Asset %1 als Top-Performer markiert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tagging PhotoShelter media %1</source>
        <translation>PhotoShelter-Medium %1 verschlagworten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PhotoShelter media %1 tagged “%2”</source>
        <translation>PhotoShelter-Medium %1 mit „%2“ verschlagwortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PhotoShelter media %1 already had “%2”</source>
        <translation>PhotoShelter-Medium %1 hatte „%2“ bereits</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Looking for the post&apos;s earlier uploads in the PhotoShelter gallery</source>
        <translation>Frühere Uploads des Beitrags in der PhotoShelter-Galerie suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+47"/>
        <source>The PhotoShelter connector went away.</source>
        <translation>Die Verbindung zu PhotoShelter wurde geschlossen.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>The post has no media files to archive.</source>
        <translation>Der Beitrag hat keine Mediendateien zum Archivieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived into gallery %1 as %2</source>
        <translation>In Galerie %1 archiviert als %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+64"/>
        <source>Cannot read %1 to archive it: %2</source>
        <translation>%1 kann zum Archivieren nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Archiving the post&apos;s media into PhotoShelter</source>
        <translation>Medien des Beitrags in PhotoShelter archivieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Looking for the archived post in iconik collection %1</source>
        <translation>Archivierten Beitrag in der iconik-Sammlung %1 suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+31"/>
        <source>The iconik connector went away.</source>
        <translation>Die Verbindung zu iconik wurde geschlossen.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Creating the archived post in iconik</source>
        <translation>Archivierten Beitrag in iconik anlegen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Uploading the post&apos;s media into iconik asset %1</source>
        <translation>Medien des Beitrags in das iconik-Asset %1 hochladen</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Archived as iconik asset %1 with %n file(s) uploaded (no metadata view configured)</source>
        <translation>
            <numerusform>Als iconik-Asset %1 archiviert, %n Datei hochgeladen (keine Metadatenansicht eingerichtet)</numerusform>
            <numerusform>Als iconik-Asset %1 archiviert, %n Dateien hochgeladen (keine Metadatenansicht eingerichtet)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Describing the archived post in iconik</source>
        <translation>Archivierten Beitrag in iconik beschreiben</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Archived as iconik asset %1 with %n file(s) uploaded</source>
        <translation>
            <numerusform>Als iconik-Asset %1 archiviert, %n Datei hochgeladen</numerusform>
            <numerusform>Als iconik-Asset %1 archiviert, %n Dateien hochgeladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::DamWriteBackSettingsPage</name>
    <message>
        <location filename="../src/widgets/damwritebacksettingspage.cpp" line="+32"/>
        <source>Archive and metadata, per DAM account</source>
        <translation>Archiv und Metadaten, pro DAM-Konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No DAM account is connected yet, or its collections have not been synced.</source>
        <translation>Es ist noch kein DAM-Konto verbunden, oder seine Sammlungen wurden noch nicht synchronisiert.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> interactions</source>
        <translation> Interaktionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likes, reposts, replies, quotes and bookmarks of an asset&apos;s posts, summed</source>
        <translation>Likes, Reposts, Antworten, Zitate und Lesezeichen der Beiträge eines Assets, summiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top performers</source>
        <translation>Top-Performer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag an asset from:</source>
        <translation>Asset kennzeichnen ab:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PhotoShelter keyword:</source>
        <translation>PhotoShelter-Schlüsselwort:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> posts</source>
        <translation> Beiträgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Poll posts of the last:</source>
        <translation>Beiträge abfragen aus den letzten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overused from:</source>
        <translation>Übermäßig genutzt ab:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Do not archive</source>
        <translation>Nicht archivieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (not in the synced collections)</source>
        <translation>%1 (nicht in den synchronisierten Sammlungen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The iconik collection each published post is archived into, with its metadata</source>
        <translation>Die iconik-Sammlung, in die jeder veröffentlichte Beitrag samt Metadaten archiviert wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PhotoShelter gallery each published post&apos;s media are uploaded into</source>
        <translation>Die PhotoShelter-Galerie, in die die Medien jedes veröffentlichten Beitrags hochgeladen werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — archive into:</source>
        <translation>%1 — archivieren in:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Metadata view id (lifecycle status, top performer)</source>
        <translation>ID der Metadatenansicht (Lebenszyklusstatus, Top-Performer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — metadata view:</source>
        <translation>%1 — Metadatenansicht:</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DbCommand</name>
    <message>
        <location filename="../src/cli/dbcommand.cpp" line="+32"/>
        <source>Create, upgrade and check the workspace database</source>
        <translation>Datenbank des Arbeitsbereichs anlegen, aktualisieren und prüfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>db migrate          Create the workspace or apply its pending migrations</source>
        <translation>db migrate          Arbeitsbereich anlegen oder seine ausstehenden Migrationen anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>db check            Report schema version, pending migrations, integrity and search index</source>
        <translation>db check            Schemaversion, ausstehende Migrationen, Integrität und Suchindex ausgeben</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>usage: assetdesk-cli db migrate | db check</source>
        <translation>Aufruf: assetdesk-cli db migrate | db check</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Created the workspace %1 at schema %2.</source>
        <translation>Arbeitsbereich %1 mit Schema %2 angelegt.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The workspace %1 is up to date (schema %2).</source>
        <translation>Der Arbeitsbereich %1 ist aktuell (Schema %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upgraded the workspace %1 from schema %2 to %3:</source>
        <translation>Arbeitsbereich %1 von Schema %2 auf %3 aktualisiert:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (this build knows up to %2)</source>
        <translation>%1 (dieser Build kennt bis zu %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending migrations</source>
        <translation>Ausstehende Migrationen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets</source>
        <translation>Assets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search index</source>
        <translation>Suchindex</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>consistent (%1 rows)</source>
        <translation>konsistent (%1 Zeilen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inconsistent (%1 rows for %2 assets)</source>
        <translation>inkonsistent (%1 Zeilen für %2 Assets)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run `assetdesk-cli db migrate` to apply the pending migrations.</source>
        <translation>Führen Sie `assetdesk-cli db migrate` aus, um die ausstehenden Migrationen anzuwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: migration %1 was applied from a different file than this build has.</source>
        <translation>Warnung: Migration %1 wurde aus einer anderen Datei angewendet, als dieser Build enthält.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DerivativeCropView</name>
    <message>
        <location filename="../src/widgets/derivativecropview.cpp" line="+16"/>
        <source>Crop</source>
        <translation>Zuschnitt</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DerivativeEditor</name>
    <message>
        <location filename="../src/widgets/derivativeeditor.cpp" line="+33"/>
        <source>Whole</source>
        <translation>Ganz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit Video Clip</source>
        <translation>Videoclip bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Image</source>
        <translation>Bild bearbeiten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Loading the source…</source>
        <translation>Quelle wird geladen…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Result preview</source>
        <translation>Vorschau des Ergebnisses</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Crop size</source>
        <translation>Zuschnittgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long edge:</source>
        <translation>Lange Kante:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic (JPEG, PNG with transparency)</source>
        <translation>Automatisch (JPEG, PNG bei Transparenz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+117"/>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+116"/>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most:</source>
        <translation>Höchstens:</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Start:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To the end (at most 140 s)</source>
        <translation>Bis zum Ende (höchstens 140 s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Use Derivative</source>
        <translation>Ableitung verwenden</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Source: %1 × %2</source>
        <translation>Quelle: %1 × %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>MP4 (H.264, AAC)</source>
        <translation>MP4 (H.264, AAC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2, %3, %4</source>
        <translation>%1 × %2, %3, %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 × %2, %3</source>
        <translation>%1 × %2, %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 × %2, estimating…</source>
        <translation>%1 × %2, wird geschätzt…</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DerivativeFlow</name>
    <message>
        <location filename="../src/app/derivativeflow.cpp" line="+57"/>
        <source>Edit Image</source>
        <translation>Bild bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The derivative could not be made: %1</source>
        <translation>Die Ableitung konnte nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DerivativeService</name>
    <message>
        <location filename="../src/sync/derivativeservice.cpp" line="+65"/>
        <source>Make derivative of asset %1</source>
        <translation>Ableitung von Asset %1 erstellen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reading the asset</source>
        <translation>Asset wird gelesen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The asset is no longer in the library.</source>
        <translation>Das Asset ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make derivative of “%1”</source>
        <translation>Ableitung von „%1“ erstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The asset&apos;s file is not on this computer yet.</source>
        <translation>Die Datei des Assets ist noch nicht auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was made.</source>
        <translation>Es wurde nichts erstellt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encoding the clip</source>
        <translation>Clip wird kodiert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking the GIF</source>
        <translation>GIF wird geprüft</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The GIF could not be read.</source>
        <translation>Das GIF konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decoding and encoding</source>
        <translation>Dekodieren und Kodieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+12"/>
        <source>Making the derivative was cancelled.</source>
        <translation>Das Erstellen der Ableitung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Storing</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The derivative was stored but cannot be read back.</source>
        <translation>Die Ableitung wurde gespeichert, lässt sich aber nicht wieder lesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DerivativeStore</name>
    <message>
        <location filename="../src/media/derivativestore.cpp" line="+65"/>
        <source>The derivatives folder could not be created.</source>
        <translation>Der Ordner für Ableitungen konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+35"/>
        <source>A derivative cannot be empty.</source>
        <translation>Eine Ableitung kann nicht leer sein.</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+35"/>
        <location line="+16"/>
        <source>Derivatives of type %1 are not kept.</source>
        <translation>Ableitungen vom Typ %1 werden nicht aufbewahrt.</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>The derivative could not be written.</source>
        <translation>Die Ableitung konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only files inside the derivatives folder can be adopted.</source>
        <translation>Nur Dateien im Ordner für Ableitungen können übernommen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>The made file could not be read.</source>
        <translation>Die erstellte Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The derivative could not be moved into place.</source>
        <translation>Die Ableitung konnte nicht an ihren Platz verschoben werden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DynamicsAnnotations</name>
    <message>
        <location filename="../src/connectors/dynamics/dynamicsannotations.cpp" line="+30"/>
        <source>Dynamics 365 refused the note: the file is larger than the organisation&apos;s attachment limit.</source>
        <translation>Dynamics 365 hat die Notiz abgelehnt: Die Datei überschreitet das Anhangslimit der Organisation.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dynamics 365 refused the note as invalid: %1</source>
        <translation>Dynamics 365 hat die Notiz als ungültig abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Dynamics 365 created the note but did not say its id.</source>
        <translation>Dynamics 365 hat die Notiz erstellt, aber ihre ID nicht genannt.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+9"/>
        <source>Dynamics 365 sent the note&apos;s file in a form AssetDesk cannot read.</source>
        <translation>Dynamics 365 hat die Datei der Notiz in einer Form gesendet, die AssetDesk nicht lesen kann.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The note has no file any more.</source>
        <translation>Die Notiz hat keine Datei mehr.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DynamicsConnector</name>
    <message>
        <location filename="../src/connectors/dynamics/dynamicsconnector.cpp" line="+74"/>
        <source>The client secret is missing.</source>
        <translation>Der geheime Clientschlüssel fehlt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Application user %1</source>
        <translation>Anwendungsbenutzer %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DynamicsSyncEngine</name>
    <message>
        <location filename="../src/sync/dynamicssyncengine.cpp" line="+51"/>
        <source>The sync was cancelled; the tables synced so far are kept.</source>
        <translation>Die Synchronisation wurde abgebrochen; die bisher synchronisierten Tabellen bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Changes in %1…</source>
        <translation>Änderungen in %1…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The sync was cancelled; the pages synced so far are kept.</source>
        <translation>Die Synchronisation wurde abgebrochen; die bisher synchronisierten Seiten bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DynamicsSyncService</name>
    <message>
        <location filename="../src/sync/dynamicssyncservice.cpp" line="+42"/>
        <source>Full CRM sync</source>
        <translation>Vollständige CRM-Synchronisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CRM sync</source>
        <translation>CRM-Synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full CRM sync: %1</source>
        <translation>Vollständige CRM-Synchronisation: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CRM sync: %1</source>
        <translation>CRM-Synchronisation: %1</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 is not a Dynamics 365 account; only those have a CRM to sync.</source>
        <translation>%1 ist kein Dynamics 365-Konto; nur solche haben ein CRM, das synchronisiert werden kann.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::DynamicsWebApi</name>
    <message numerus="yes">
        <location filename="../src/connectors/dynamics/dynamicswebapi.cpp" line="+118"/>
        <source>Dynamics 365 returned more than %n rows; narrow the query.</source>
        <translation>
            <numerusform>Dynamics 365 hat mehr als %n Zeile geliefert; schränken Sie die Abfrage ein.</numerusform>
            <numerusform>Dynamics 365 hat mehr als %n Zeilen geliefert; schränken Sie die Abfrage ein.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Dynamics 365 answered %1 of %2 requests of a batch.</source>
        <translation>Dynamics 365 hat %1 von %2 Anfragen eines Batches beantwortet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dynamics 365 answered HTTP %1 inside a batch.</source>
        <translation>Dynamics 365 hat innerhalb eines Batches mit HTTP %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::EngagementChart</name>
    <message>
        <location filename="../src/widgets/engagementchart.cpp" line="+33"/>
        <source>Impressions</source>
        <translation>Impressionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
</context>
<context>
    <name>AssetDesk::EngagementView</name>
    <message>
        <location filename="../src/widgets/engagementview.cpp" line="+32"/>
        <source>This asset has not been posted yet. Once a post with it is published, its likes, reposts, replies and impressions appear here.</source>
        <translation>Dieses Asset wurde noch nicht gepostet. Sobald ein Beitrag damit veröffentlicht ist, erscheinen hier seine Likes, Reposts, Antworten und Impressionen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posted</source>
        <translation>Gepostet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reposts</source>
        <translation>Reposts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Impressions</source>
        <translation>Impressionen</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n post(s): %1 impressions, %2 likes, %3 reposts, %4 replies</source>
        <translation>
            <numerusform>%n Beitrag: %1 Impressionen, %2 Likes, %3 Reposts, %4 Antworten</numerusform>
            <numerusform>%n Beiträge: %1 Impressionen, %2 Likes, %3 Reposts, %4 Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No metrics read yet</source>
        <translation>Noch keine Kennzahlen gelesen</translation>
    </message>
</context>
<context>
    <name>AssetDesk::EventCollectionDialog</name>
    <message>
        <location filename="../src/widgets/eventcollectiondialog.cpp" line="+35"/>
        <source>Link to Collection</source>
        <translation>Mit Sammlung verknüpfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event:</source>
        <translation>Veranstaltung:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DAM account:</source>
        <translation>DAM-Konto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter collections by name</source>
        <translation>Sammlungen nach Name filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection:</source>
        <translation>Sammlung:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Linked to &quot;%1&quot;%2 since %3.</source>
        <translation>Seit %3 mit „%1“%2 verknüpft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Link</source>
        <translation>Verknüpfen</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 (linked)</source>
        <translation>%1 (verknüpft)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::EventCollectionLinker</name>
    <message>
        <location filename="../src/sync/eventcollectionlinker.cpp" line="+33"/>
        <source>Choose a synced event and a collection of a DAM account.</source>
        <translation>Wählen Sie eine synchronisierte Veranstaltung und eine Sammlung eines DAM-Kontos.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The event&apos;s collection was stored but cannot be read back.</source>
        <translation>Die Sammlung der Veranstaltung wurde gespeichert, kann aber nicht zurückgelesen werden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::FoldingTabWidget</name>
    <message>
        <location filename="../src/widgets/foldingtabwidget.cpp" line="+17"/>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
</context>
<context>
    <name>AssetDesk::FollowUpDelivery</name>
    <message>
        <location filename="../src/sync/followupdelivery.cpp" line="+30"/>
        <source>Follow-up delivery: the gallery &quot;%1&quot; is shared with you at %2</source>
        <translation>Nachlieferung: Die Galerie „%1“ ist für Sie freigegeben unter %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> until %1 (UTC).</source>
        <translation> bis %1 (UTC).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (the link does not expire).</source>
        <translation> (der Link läuft nicht ab).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Follow-up delivery failed: the gallery &quot;%1&quot; could not be shared. %2</source>
        <translation>Nachlieferung fehlgeschlagen: Die Galerie „%1“ konnte nicht freigegeben werden. %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ticket #%1 is closed: Zendesk takes no more comments on it. Create a follow-up ticket.</source>
        <translation>Ticket #%1 ist geschlossen: Zendesk nimmt keine Kommentare mehr an. Legen Sie ein Folgeticket an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ticket #%1 is not solved yet; a follow-up delivery comes after the resolution.</source>
        <translation>Ticket #%1 ist noch nicht gelöst; eine Nachlieferung folgt erst nach der Lösung.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the gallery to share.</source>
        <translation>Wählen Sie die freizugebende Galerie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The link&apos;s expiry must be in the future.</source>
        <translation>Der Ablauf des Links muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The ticket&apos;s account is not a Zendesk account.</source>
        <translation>Das Konto des Tickets ist kein Zendesk-Konto.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The chosen DAM account is not a PhotoShelter account.</source>
        <translation>Das gewählte DAM-Konto ist kein PhotoShelter-Konto.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::FollowUpDialog</name>
    <message>
        <location filename="../src/widgets/followupdialog.cpp" line="+85"/>
        <source>The link never expires</source>
        <translation>Der Link läuft nie ab</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Log the delivery as a public reply (else an internal note)</source>
        <translation>Lieferung als öffentliche Antwort protokollieren (sonst als interne Notiz)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up Delivery</source>
        <translation>Nachlieferung</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+186"/>
        <source>Share and Log</source>
        <translation>Freigeben und protokollieren</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>&amp;Share a gallery</source>
        <translation>Galerie &amp;freigeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a &amp;replacement file</source>
        <translation>&amp;Ersatzdatei senden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send a follow-up delivery to the requester of %1; its status is logged on the ticket.</source>
        <translation>Eine Nachlieferung an den Anfragenden von %1 senden; ihr Status wird im Ticket protokolliert.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;Gallery:</source>
        <translation>&amp;Galerie:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link &amp;expires:</source>
        <translation>Link läuft &amp;ab:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replacement files</source>
        <translation>Ersatzdateien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the replacement assets in the library, then use them here.</source>
        <translation>Wählen Sie die Ersatz-Assets in der Bibliothek aus und verwenden Sie sie dann hier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use Library Selection</source>
        <translation>&amp;Bibliotheksauswahl verwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up delivery: the replacement file for your request is attached.</source>
        <translation>Nachlieferung: Die Ersatzdatei zu Ihrer Anfrage ist angehängt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the PhotoShelter galleries…</source>
        <translation>PhotoShelter-Galerien werden gelesen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the ticket: %1</source>
        <translation>Im Ticket: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PhotoShelter account has no gallery.</source>
        <translation>Das PhotoShelter-Konto hat keine Galerie.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No asset is selected in the library: select the replacement assets there, then use them here.</source>
        <translation>In der Bibliothek ist kein Asset ausgewählt: Wählen Sie dort die Ersatz-Assets aus und verwenden Sie sie dann hier.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of %1 asset(s) can be sent.</source>
        <translation>
            <numerusform>%n von %1 Assets kann gesendet werden.</numerusform>
            <numerusform>%n von %1 Assets können gesendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Send File</source>
        <translation>Datei senden</translation>
    </message>
</context>
<context>
    <name>AssetDesk::FollowUpFlow</name>
    <message>
        <location filename="../src/app/followupflow.cpp" line="+77"/>
        <source>No follow-up delivery: %1</source>
        <translation>Keine Nachlieferung: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This workspace has no PhotoShelter account, so no gallery can be shared; a replacement file can still be sent.</source>
        <translation>Dieser Arbeitsbereich hat kein PhotoShelter-Konto, daher kann keine Galerie freigegeben werden; eine Ersatzdatei kann dennoch gesendet werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The PhotoShelter galleries could not be read: %1</source>
        <translation>Die PhotoShelter-Galerien konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Follow-up delivery: the replacement file for your request.</source>
        <translation>Nachlieferung: Die Ersatzdatei zu Ihrer Anfrage.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The follow-up delivery to %1 failed: %2</source>
        <translation>Die Nachlieferung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up delivery sent to %1: %2.</source>
        <translation>Nachlieferung zu %1 gesendet: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sharing the gallery with the requester of %1…</source>
        <translation>Galerie wird für den Anfragenden von %1 freigegeben…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The follow-up delivery to %1 was not logged: %2</source>
        <translation>Die Nachlieferung zu %1 wurde nicht protokolliert: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gallery could not be shared with %1 (an internal note says why): %2</source>
        <translation>Die Galerie konnte für %1 nicht freigegeben werden (eine interne Notiz nennt den Grund): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up delivery for %1: shared at %2 and logged on the ticket.</source>
        <translation>Nachlieferung für %1: freigegeben unter %2 und im Ticket protokolliert.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::GalleryAccessLookup</name>
    <message>
        <location filename="../src/sync/galleryaccesslookup.cpp" line="+44"/>
        <source>The PhotoShelter account went away.</source>
        <translation>Das PhotoShelter-Konto ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Gallery access can only be looked up in a PhotoShelter account.</source>
        <translation>Galeriezugriffe lassen sich nur in einem PhotoShelter-Konto nachschlagen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The PhotoShelter account changed during the lookup.</source>
        <translation>Das PhotoShelter-Konto hat sich während der Abfrage geändert.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Galleries can only be listed in a PhotoShelter account.</source>
        <translation>Galerien können nur in einem PhotoShelter-Konto aufgelistet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PhotoShelter account changed while its galleries were read.</source>
        <translation>Das PhotoShelter-Konto hat sich geändert, während seine Galerien gelesen wurden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::GalleryAccessView</name>
    <message>
        <location filename="../src/widgets/galleryaccessview.cpp" line="+28"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Galleries of this ticket</source>
        <translation>Galerien dieses Tickets</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Everyone (listed)</source>
        <translation>Alle (gelistet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public (unlisted)</source>
        <translation>Öffentlich (nicht gelistet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private: only the organization&apos;s users can open it</source>
        <translation>Privat: nur Benutzer der Organisation können sie öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By permission only</source>
        <translation>Nur mit Berechtigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select an access-problem ticket to see its galleries.</source>
        <translation>Wählen Sie ein Ticket mit Zugriffsproblem, um seine Galerien zu sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking up the ticket&apos;s galleries in PhotoShelter…</source>
        <translation>Die Galerien des Tickets werden in PhotoShelter gesucht …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The galleries could not be looked up: %1</source>
        <translation>Die Galerien konnten nicht abgefragt werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>None of %n galleries matches this ticket (no gallery id, gallery name or organization in it).</source>
        <translation>
            <numerusform>Die %n Galerie passt nicht zu diesem Ticket (keine Galerie-ID, kein Galeriename und keine Organisation darin).</numerusform>
            <numerusform>Keine der %n Galerien passt zu diesem Ticket (keine Galerie-ID, kein Galeriename und keine Organisation darin).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n gallery(s) match this ticket; checked %1.</source>
        <translation>
            <numerusform>%n Galerie passt zu diesem Ticket; geprüft %1.</numerusform>
            <numerusform>%n Galerien passen zu diesem Ticket; geprüft %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 - found by its %2 in the ticket</source>
        <translation>%1 – gefunden über %2 im Ticket</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+17"/>
        <source>Share link</source>
        <translation>Freigabelink</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired %1</source>
        <translation>abgelaufen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires %1</source>
        <translation>läuft ab %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every share link has expired</source>
        <translation>alle Freigabelinks sind abgelaufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>view only</source>
        <translation>nur ansehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may download %1</source>
        <translation>darf %1 herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · password</source>
        <translation>%1 · %2 · Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not read</source>
        <translation>Nicht gelesen</translation>
    </message>
</context>
<context>
    <name>AssetDesk::GalleryWatchFlow</name>
    <message numerus="yes">
        <location filename="../src/app/gallerywatchflow.cpp" line="+39"/>
        <source>%n new upload(s) in “%1”.</source>
        <translation>
            <numerusform>%n neuer Upload in „%1“.</numerusform>
            <numerusform>%n neue Uploads in „%1“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Watching “%1” for new uploads; they appear in the library within seconds.</source>
        <translation>„%1“ wird auf neue Uploads beobachtet; sie erscheinen binnen Sekunden in der Bibliothek.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopped watching “%1”.</source>
        <translation>Beobachtung von „%1“ beendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watching “%1” stopped: %2</source>
        <translation>Beobachtung von „%1“ abgebrochen: %2</translation>
    </message>
</context>
<context>
    <name>AssetDesk::GifCheck</name>
    <message>
        <location filename="../src/media/gifcheck.cpp" line="+13"/>
        <source>Fits X&apos;s GIF limits: %1 × %2, %3 frames, %4 KB.</source>
        <translation>Passt in die GIF-Grenzen von X: %1 × %2, %3 Bilder, %4 KB.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>X will not take this GIF: %1.</source>
        <translation>X nimmt dieses GIF nicht an: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 MB is over X&apos;s %2 MB for a GIF</source>
        <translation>%1 MB liegen über den %2 MB, die X für ein GIF erlaubt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 × %2 is larger than X&apos;s %3 × %4</source>
        <translation>%1 × %2 ist größer als die %3 × %4 von X</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 frames are more than X&apos;s %2</source>
        <translation>%1 Bilder sind mehr als die %2 von X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 M pixels over all frames are more than X&apos;s %2 M</source>
        <translation>%1 Mio. Pixel über alle Bilder sind mehr als die %2 Mio. von X</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The GIF could not be read.</source>
        <translation>Das GIF konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is not a GIF AssetDesk can read.</source>
        <translation>Die Datei ist kein GIF, das AssetDesk lesen kann.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::HelpdeskFlows</name>
    <message>
        <location filename="../src/app/helpdeskflows.cpp" line="+63"/>
        <source>Gallery Access</source>
        <translation>Galeriezugriff</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check &amp;Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Gallery Access - Ticket #%1</source>
        <translation>Galeriezugriff - Ticket #%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
Not tagged as an access problem: the galleries are matched by the ticket&apos;s text.</source>
        <translation>%1
Nicht als Zugriffsproblem gekennzeichnet: Die Galerien werden anhand des Tickettexts zugeordnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This workspace has no PhotoShelter account. Add one in Settings → Accounts to see the galleries, permissions and share links of a ticket.</source>
        <translation>Dieser Arbeitsbereich hat kein PhotoShelter-Konto. Fügen Sie eines unter Einstellungen → Konten hinzu, um die Galerien, Berechtigungen und Freigabelinks eines Tickets zu sehen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The galleries of %1 could not be looked up: %2</source>
        <translation>Die Galerien von %1 konnten nicht abgefragt werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1: %n gallery(s) match.</source>
        <translation>
            <numerusform>%1: %n Galerie passt.</numerusform>
            <numerusform>%1: %n Galerien passen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::HelpdeskPane</name>
    <message>
        <location filename="../src/widgets/helpdeskpane.cpp" line="+46"/>
        <source>Zendesk account</source>
        <translation>Zendesk-Konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zendesk view: the queue it lists</source>
        <translation>Zendesk-Ansicht: die Warteschlange, die sie auflistet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fulfilment Queue</source>
        <translation>Bearbeitungswarteschlange</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent tickets first (priority urgent or a press tag), then by priority, executive requests, and the longest waiting</source>
        <translation>Dringende Tickets zuerst (Priorität „Dringend“ oder ein Presse-Tag), dann nach Priorität, Anfragen der Geschäftsleitung und längster Wartezeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter tickets: subject, requester, organization, tag, number</source>
        <translation>Tickets filtern: Betreff, Anfragender, Organisation, Tag, Nummer</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No tickets in this view.</source>
        <translation>Keine Tickets in dieser Ansicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ticket matches “%1”.</source>
        <translation>Kein Ticket passt zu „%1“.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No views yet</source>
        <translation>Noch keine Ansichten</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Loading the conversation…</source>
        <translation>Unterhaltung wird geladen…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Find Assets</source>
        <translation>Assets suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check Gallery Access…</source>
        <translation>Galeriezugriff prüfen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send Follow-up Delivery…</source>
        <translation>Nachlieferung senden…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n Ticket</numerusform>
            <numerusform>%n Tickets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>AssetDesk::HelpdeskTicket</name>
    <message>
        <location filename="../src/app/helpdeskticket.cpp" line="+19"/>
        <source>The ticket is no longer in this account.</source>
        <translation>Das Ticket ist nicht mehr in diesem Konto.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::HttpCall</name>
    <message>
        <location filename="../src/net/httpcall.cpp" line="+240"/>
        <source>redirect to %1</source>
        <translation>Weiterleitung zu %1</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Retrying in %1 s (attempt %2 of %3)</source>
        <translation>Neuer Versuch in %1 s (Versuch %2 von %3)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::HttpClient</name>
    <message>
        <location filename="../src/net/httperrorclassifier.cpp" line="+51"/>
        <source>%1 did not accept the credentials (HTTP 401). Sign in again or check the key.</source>
        <translation>%1 hat die Zugangsdaten nicht akzeptiert (HTTP 401). Melden Sie sich erneut an oder prüfen Sie den Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is limiting how often AssetDesk may call it (HTTP 429).</source>
        <translation>%1 begrenzt, wie oft AssetDesk Anfragen senden darf (HTTP 429).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answered with a redirect (HTTP %2) that was not followed.</source>
        <translation>%1 hat mit einer Weiterleitung (HTTP %2) geantwortet, der nicht gefolgt wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The secure connection to %1 failed: %2. AssetDesk never ignores certificate errors; check the system clock, any proxy, or the server&apos;s certificate.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2. AssetDesk ignoriert Zertifikatsfehler nie; prüfen Sie die Systemuhr, einen eventuellen Proxy oder das Zertifikat des Servers.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not find %1; check the address and the network connection.</source>
        <translation>%1 wurde nicht gefunden; prüfen Sie die Adresse und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 refused the connection.</source>
        <translation>%1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to %1 closed before an answer arrived. The request was not sent again, because it may already have taken effect.</source>
        <translation>Die Verbindung zu %1 wurde geschlossen, bevor eine Antwort eintraf. Die Anfrage wurde nicht erneut gesendet, da sie bereits wirksam geworden sein könnte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to %1 failed: %2.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The response from %1 would be %2, over the %3 limit; it was not downloaded.</source>
        <translation>Die Antwort von %1 wäre %2 groß und damit über dem Limit von %3; sie wurde nicht heruntergeladen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The connection to %1 closed after %2 of the %3 the response announced; it was cut off.</source>
        <translation>Die Verbindung zu %1 wurde nach %2 der angekündigten %3 getrennt; die Antwort ist abgeschnitten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The response from %1 is larger than the %2 limit; stopped after %3.</source>
        <translation>Die Antwort von %1 überschreitet das Limit von %2; nach %3 abgebrochen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Too many redirects from %1 (more than %2).</source>
        <translation>Zu viele Weiterleitungen von %1 (mehr als %2).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 redirected to an insecure or invalid address; the redirect was refused.</source>
        <translation>%1 hat auf eine unsichere oder ungültige Adresse weitergeleitet; die Weiterleitung wurde abgelehnt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot send a request to “%1”: not an http(s) address.</source>
        <translation>An „%1“ kann keine Anfrage gesendet werden: keine http(s)-Adresse.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::HttpResponse</name>
    <message>
        <location filename="../src/net/httpresponse.cpp" line="+19"/>
        <source>the service</source>
        <translation>dem Dienst</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 answered with HTTP status %2 instead of data.</source>
        <translation>Die Antwort von %1 enthielt HTTP-Status %2 statt Daten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a web page (%1)</source>
        <translation>eine Webseite (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected JSON from %1 but received %2; a proxy, login page or maintenance page may have answered instead of the API.</source>
        <translation>Von %1 wurde JSON erwartet, aber %2 empfangen; möglicherweise hat statt der API ein Proxy, eine Anmelde- oder eine Wartungsseite geantwortet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected JSON from %1 but the response was empty.</source>
        <translation>Von %1 wurde JSON erwartet, aber die Antwort war leer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The JSON from %1 ends early (%2 bytes); the response was probably cut off.</source>
        <translation>Das JSON von %1 endet vorzeitig (%2 Bytes); die Antwort wurde vermutlich abgeschnitten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON from %1 is malformed at byte %2: %3.</source>
        <translation>Das JSON von %1 ist bei Byte %2 fehlerhaft: %3.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Expected a JSON object from %1 but received a list.</source>
        <translation>Von %1 wurde ein JSON-Objekt erwartet, aber eine Liste empfangen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Expected a JSON list from %1 but received an object.</source>
        <translation>Von %1 wurde eine JSON-Liste erwartet, aber ein Objekt empfangen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::IconikAssets</name>
    <message>
        <location filename="../src/connectors/iconik/iconikassets.cpp" line="+27"/>
        <source>iconik answered without %1.</source>
        <translation>iconik hat ohne %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::IconikCollections</name>
    <message>
        <location filename="../src/connectors/iconik/iconikcollections.cpp" line="+47"/>
        <source>iconik answered without the new collection.</source>
        <translation>iconik hat ohne die neue Sammlung geantwortet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>iconik answered without metadata views.</source>
        <translation>iconik hat ohne Metadatenansichten geantwortet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>iconik has no metadata view named &quot;%1&quot;.</source>
        <translation>iconik hat keine Metadatenansicht namens „%1“.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::IconikLibrary</name>
    <message>
        <location filename="../src/connectors/iconik/iconiklibrary.cpp" line="+146"/>
        <source>iconik answered the search without a list of objects.</source>
        <translation>iconik hat die Suche ohne Objektliste beantwortet.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>iconik has no finished file for this asset.</source>
        <translation>iconik hat für dieses Asset keine fertige Datei.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::IconikUploader</name>
    <message>
        <location filename="../src/connectors/iconik/iconikuploader.cpp" line="+24"/>
        <source>iconik answered without %1.</source>
        <translation>iconik hat ohne %1 geantwortet.</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>iconik asks for an upload by %1, which AssetDesk cannot do yet.</source>
        <translation>iconik verlangt einen Upload per %1, was AssetDesk noch nicht kann.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ImageDerivativeMaker</name>
    <message>
        <location filename="../src/media/imagederivativemaker.cpp" line="+32"/>
        <source>The derivative could not be encoded.</source>
        <translation>Die Ableitung konnte nicht kodiert werden.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The source image is cut short (an incomplete JPEG file).</source>
        <translation>Das Quellbild ist abgeschnitten (eine unvollständige JPEG-Datei).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The source image file is missing.</source>
        <translation>Die Quellbilddatei fehlt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The source image file is too large to make a derivative of.</source>
        <translation>Die Quellbilddatei ist zu groß, um daraus eine Ableitung zu erstellen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The source image file could not be read.</source>
        <translation>Die Quellbilddatei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The source image is too large to make a derivative of.</source>
        <translation>Das Quellbild ist zu groß, um daraus eine Ableitung zu erstellen.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Decoding the image would need %1 MB of memory.</source>
        <translation>Das Dekodieren des Bildes bräuchte %1 MB Speicher.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The source image could not be decoded.</source>
        <translation>Das Quellbild konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The crop is outside the image.</source>
        <translation>Der Zuschnitt liegt außerhalb des Bildes.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>There is no image to encode.</source>
        <translation>Es gibt kein Bild zum Kodieren.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The image cannot be made to fit %1 KB.</source>
        <translation>Das Bild lässt sich nicht auf %1 KB bringen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ImagePreflight</name>
    <message>
        <location filename="../src/media/imagepreflight.cpp" line="+25"/>
        <source>The file is not an image AssetDesk can read.</source>
        <translation>Die Datei ist kein Bild, das AssetDesk lesen kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The source is not an image AssetDesk can read.</source>
        <translation>Die Quelle ist kein Bild, das AssetDesk lesen kann.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image does not say how large it is.</source>
        <translation>Das Bild gibt seine Größe nicht an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The source image does not say how large it is.</source>
        <translation>Das Quellbild gibt seine Größe nicht an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image is %1 × %2 pixels, too large to make a thumbnail of.</source>
        <translation>Das Bild hat %1 × %2 Pixel und ist zu groß für ein Vorschaubild.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is %1 × %2 pixels, too large to make a derivative of.</source>
        <translation>Das Bild hat %1 × %2 Pixel und ist zu groß, um daraus eine Ableitung zu erstellen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::JobRunner</name>
    <message>
        <location filename="../src/sync/jobrunner.cpp" line="+69"/>
        <source>Cancelled before it started.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The component that runs this job is gone.</source>
        <translation>Die Komponente, die diesen Auftrag ausführt, existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The component running this job closed before it finished.</source>
        <translation>Die Komponente, die diesen Auftrag ausführt, wurde vor dessen Abschluss beendet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::JobsModel</name>
    <message>
        <location filename="../src/models/jobsmodel.cpp" line="+27"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>AssetDesk::JobsPane</name>
    <message>
        <location filename="../src/widgets/jobspane.cpp" line="+45"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected job</source>
        <translation>Den ausgewählten Auftrag abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the selected failed job again</source>
        <translation>Den ausgewählten fehlgeschlagenen Auftrag erneut ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs (%1 running, %2 failed)</source>
        <translation>Aufträge (%1 laufend, %2 fehlgeschlagen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs (%1 running)</source>
        <translation>Aufträge (%1 laufend)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs (%1 failed)</source>
        <translation>Aufträge (%1 fehlgeschlagen)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::JsonReader</name>
    <message>
        <location filename="../src/connectors/jsonreader.cpp" line="+27"/>
        <source>%1 answered without the expected %2.</source>
        <translation>In der Antwort von %1 fehlt das erwartete Feld %2.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::JsonViewer</name>
    <message>
        <location filename="../src/widgets/jsonviewer.cpp" line="+40"/>
        <source>Formatting…</source>
        <translation>Wird formatiert…</translation>
    </message>
</context>
<context>
    <name>AssetDesk::KeychainSecretStore</name>
    <message>
        <location filename="../src/net/keychainsecretstore.cpp" line="+30"/>
        <source>No saved credentials were found in the keyring for %1. Sign in again.</source>
        <translation>Für %1 wurden keine gespeicherten Zugangsdaten im Schlüsselbund gefunden. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Access to the keyring was declined. Allow AssetDesk to use the keyring and try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde abgelehnt. Erlauben Sie AssetDesk, den Schlüsselbund zu verwenden, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keyring refused access; it may be locked. Unlock your keyring and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert; möglicherweise ist er gesperrt. Entsperren Sie Ihren Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This system has no keyring AssetDesk can use to keep credentials.</source>
        <translation>Auf diesem System gibt es keinen Schlüsselbund, in dem AssetDesk Zugangsdaten aufbewahren kann.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keyring could not delete the saved credentials (%1). Remove the entry &quot;%2&quot; with your keyring manager.</source>
        <translation>Der Schlüsselbund konnte die gespeicherten Zugangsdaten nicht löschen (%1). Entfernen Sie den Eintrag „%2“ mit Ihrer Schlüsselbundverwaltung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keyring has no unlocked default collection (the &quot;login&quot; keyring). Open your keyring manager, unlock or create it, and try again.</source>
        <translation>Der Schlüsselbund hat keine entsperrte Standardsammlung (den Schlüsselbund „login“). Öffnen Sie Ihre Schlüsselbundverwaltung, entsperren oder erstellen Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keyring failed: %1. Check that your desktop&apos;s keyring is running and unlocked, then try again.</source>
        <translation>Fehler im Schlüsselbund: %1. Prüfen Sie, ob der Schlüsselbund Ihrer Arbeitsumgebung läuft und entsperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No keyring is available (Secret Service not running). Start your desktop&apos;s keyring (e.g. gnome-keyring) and try again.</source>
        <translation>Kein Schlüsselbund verfügbar (Secret Service läuft nicht). Starten Sie den Schlüsselbund Ihrer Arbeitsumgebung (z. B. gnome-keyring) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The keyring did not answer within %1 s. Check that it is running and unlocked (it may be waiting for a password prompt), then try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet. Prüfen Sie, ob er läuft und entsperrt ist (möglicherweise wartet er auf eine Passworteingabe), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The keyring did not answer within %1 s, so the credentials were not saved. Check that it is running and unlocked, then try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet, daher wurden die Zugangsdaten nicht gespeichert. Prüfen Sie, ob er läuft und entsperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keyring did not answer within %1 s, so the credentials were not removed. Check that it is running and unlocked, then try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet, daher wurden die Zugangsdaten nicht entfernt. Prüfen Sie, ob er läuft und entsperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryFacetBar</name>
    <message>
        <location filename="../src/widgets/libraryfacetbar.cpp" line="+45"/>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far ahead an expiring licence counts as expiring</source>
        <translation>Wie weit im Voraus eine auslaufende Lizenz als auslaufend gilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No expiry</source>
        <translation>Ohne Ablauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any campaign</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unused</source>
        <translation>Unbenutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used</source>
        <translation>Benutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overused</source>
        <translation>Überbenutzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the asset was posted, directly or as a derivative</source>
        <translation>Wie oft das Asset gepostet wurde, direkt oder als Ableitung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> posts</source>
        <translation> Beiträgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From how many posts an asset counts as overused</source>
        <translation>Ab wie vielen Beiträgen ein Asset als überbenutzt gilt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>within</source>
        <translation>innerhalb von</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rights</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>overused from</source>
        <translation>überbenutzt ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Posted</source>
        <translation>Gepostet</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryInspector</name>
    <message>
        <location filename="../src/widgets/libraryinspector.cpp" line="+42"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Double-click to show it in the %1 pane.</source>
        <translation>Doppelklicken zeigt es im Bereich „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click to open the file.</source>
        <translation>Doppelklicken, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select an asset to see its details.</source>
        <translation>Wählen Sie ein Asset aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open the local rendition (Enter)</source>
        <translation>Die lokale Rendition öffnen (Eingabe)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensions</source>
        <translation>Abmessungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keywords</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption</source>
        <translation>Bildunterschrift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Rights</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restrictions</source>
        <translation>Einschränkungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>Bildnachweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copyright</source>
        <translation>Urheberrecht</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used in</source>
        <translation>Verwendet in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not used yet. X posts, ticket comments, case notes and derivatives made with this asset will be listed here.</source>
        <translation>Noch nicht verwendet. X-Beiträge, Ticketkommentare, Fallnotizen und Derivate mit diesem Asset werden hier aufgeführt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+142"/>
        <source>Where used</source>
        <translation>Verwendung</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+144"/>
        <source>Engagement</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No expiry</source>
        <translation>Ohne Ablauf</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Where used (%1)</source>
        <translation>Verwendung (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Engagement (%1)</source>
        <translation>Interaktionen (%1)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The file is no longer on disk: %1</source>
        <translation>Die Datei ist nicht mehr auf dem Datenträger: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Containing Folder</source>
        <translation>Enthaltenden Ordner öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not Listed in a Pane</source>
        <translation>In keinem Bereich aufgeführt</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Show in %1</source>
        <translation>In „%1“ zeigen</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryItemDelegate</name>
    <message>
        <location filename="../src/widgets/libraryitemdelegate.cpp" line="+158"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryModel</name>
    <message>
        <location filename="../src/models/librarymodel.cpp" line="+391"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Credit: %1</source>
        <translation>Bildnachweis: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryPane</name>
    <message>
        <location filename="../src/widgets/librarypane.cpp" line="+51"/>
        <source>Search titles, captions, keywords, credits, campaigns (Ctrl+F)</source>
        <translation>Titel, Bildunterschriften, Schlagwörter, Bildnachweise, Kampagnen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show or hide the filters (Ctrl+L)</source>
        <translation>Filter ein- oder ausblenden (Strg+L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch between the thumbnail grid and the list (Ctrl+Shift+L)</source>
        <translation>Zwischen Vorschauraster und Liste wechseln (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Select an asset to see its details.</source>
        <translation>Wählen Sie ein Asset aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This asset is no longer in the library.</source>
        <translation>Dieses Asset ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The asset could not be read: %1</source>
        <translation>Das Asset konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Watch for New Uploads</source>
        <translation>Auf neue Uploads achten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check this gallery every few seconds and add its new uploads to the library.</source>
        <translation>Diese Galerie alle paar Sekunden prüfen und neue Uploads zur Bibliothek hinzufügen.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln asset(s)</source>
        <translation>
            <numerusform>%Ln Asset</numerusform>
            <numerusform>%Ln Assets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich ist geöffnet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The library is empty. Assets appear here as the DAM libraries sync.</source>
        <translation>Die Bibliothek ist leer. Assets erscheinen hier, sobald die DAM-Bibliotheken synchronisiert werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No asset matches these filters.</source>
        <translation>Kein Asset passt zu diesen Filtern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No asset matches “%1” with these filters.</source>
        <translation>Kein Asset passt zu „%1“ mit diesen Filtern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No asset matches “%1”.</source>
        <translation>Kein Asset passt zu „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filters (%1)</source>
        <translation>Filter (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibrarySourceDelegate</name>
    <message>
        <location filename="../src/widgets/librarysourcedelegate.cpp" line="+17"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibrarySourceModel</name>
    <message>
        <location filename="../src/models/librarysourcemodel.cpp" line="+55"/>
        <source>All assets</source>
        <translation>Alle Assets</translation>
    </message>
    <message>
        <location line="+254"/>
        <source>%1 · watching for new uploads</source>
        <translation>%1 · wird auf neue Uploads beobachtet</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LibraryText</name>
    <message>
        <location filename="../src/models/librarytext.cpp" line="+10"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not requested</source>
        <translation>Nicht angefragt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Not approved</source>
        <translation>Nicht freigegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>Gemischt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Expiring within %n day(s)</source>
        <translation>
            <numerusform>Läuft innerhalb von %n Tag ab</numerusform>
            <numerusform>Läuft innerhalb von %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>No expiry</source>
        <translation>Ohne Ablauf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expired on %1</source>
        <translation>Abgelaufen am %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired today</source>
        <translation>Heute abgelaufen</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>Vor %n Tag abgelaufen</numerusform>
            <numerusform>Vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expires today</source>
        <translation>Läuft heute ab</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Läuft in %n Tag ab</numerusform>
            <numerusform>Läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid until %1</source>
        <translation>Gültig bis %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>Hochformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Square</source>
        <translation>Quadratisch</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>AssetDesk::LinkDownloader</name>
    <message>
        <location filename="../src/connectors/linkdownloader.cpp" line="+34"/>
        <source>The file has no web address.</source>
        <translation>Die Datei hat keine Webadresse.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The service answered with a page instead of the file.</source>
        <translation>Der Dienst hat mit einer Seite statt mit der Datei geantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::MainWindow</name>
    <message>
        <location filename="../src/widgets/mainwindow.cpp" line="+22"/>
        <source>AssetDesk</source>
        <translation>AssetDesk</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AssetDesk</source>
        <translation>&amp;Über AssetDesk</translation>
    </message>
</context>
<context>
    <name>AssetDesk::MemorySecretVault</name>
    <message>
        <location filename="../src/net/memorysecretvault.cpp" line="+10"/>
        <source>No saved credentials for %1.</source>
        <translation>Keine gespeicherten Zugangsdaten für %1.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::MetricsCommand</name>
    <message>
        <location filename="../src/cli/metricscommand.cpp" line="+66"/>
        <source>POST</source>
        <translation>BEITRAG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ACCOUNT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X ID</source>
        <translation>X-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PUBLISHED</source>
        <translation>VERÖFFENTLICHT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IMPRESSIONS</source>
        <translation>IMPRESSIONEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIKES</source>
        <translation>LIKES</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REPOSTS</source>
        <translation>REPOSTS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REPLIES</source>
        <translation>ANTWORTEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read X metrics of recent posts and show engagement per post or per asset</source>
        <translation>X-Kennzahlen der letzten Beiträge lesen und Interaktionen pro Beitrag oder Asset zeigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>metrics [--account ID|NAME|@HANDLE] [--days N] [--asset ID]
                    Reads the metrics of the X posts of the last N days (default 30) once,
                    within the rate budget, then lists each post&apos;s newest counters; with
                    --asset, that asset&apos;s posts and their sum.</source>
        <translation>metrics [--account ID|NAME|@HANDLE] [--days N] [--asset ID]
                    Liest einmal die Kennzahlen der X-Beiträge der letzten N Tage (Standard 30)
                    im Rahmen des Anfragebudgets und listet die neuesten Zähler jedes Beitrags;
                    mit --asset die Beiträge dieses Assets und ihre Summe.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>usage: assetdesk-cli metrics [--account ID|NAME|@HANDLE] [--days N] [--asset ID] [--json]</source>
        <translation>Aufruf: assetdesk-cli metrics [--account ID|NAME|@HANDLE] [--days N] [--asset ID] [--json]</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Reading the X metrics did not finish in time.</source>
        <translation>Das Lesen der X-Kennzahlen wurde nicht rechtzeitig fertig.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2 posts of the last %3 days, metrics of %4 read, %5 new samples</source>
        <translation>%1: %2 Beiträge der letzten %3 Tage, Kennzahlen von %4 gelesen, %5 neue Messwerte</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Asset %1: %n post(s), %2 impressions, %3 likes, %4 reposts, %5 replies</source>
        <translation>
            <numerusform>Asset %1: %n Beitrag, %2 Impressionen, %3 Likes, %4 Reposts, %5 Antworten</numerusform>
            <numerusform>Asset %1: %n Beiträge, %2 Impressionen, %3 Likes, %4 Reposts, %5 Antworten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::OAuthAuthorizationFlow</name>
    <message>
        <location filename="../src/net/oauthauthorizationflow.cpp" line="+55"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 sign-in was not completed in the browser within %2; start it again.</source>
        <translation>Die Anmeldung bei %1 wurde nicht innerhalb von %2 im Browser abgeschlossen; starten Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not open a local port on 127.0.0.1 to receive the %1 sign-in.</source>
        <translation>Auf 127.0.0.1 konnte kein lokaler Port geöffnet werden, um die Anmeldung bei %1 zu empfangen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AssetDesk received the %1 sign-in. You can close this page.</source>
        <translation>AssetDesk hat die Anmeldung bei %1 erhalten. Sie können diese Seite schließen.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The sign-in answer did not match this request (state mismatch); nothing was stored.</source>
        <translation>Die Antwort auf die Anmeldung passt nicht zu dieser Anfrage (state stimmt nicht überein); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The %1 sign-in was declined in the browser.</source>
        <translation>Die Anmeldung bei %1 wurde im Browser abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 refused the sign-in: %2</source>
        <translation>%1 hat die Anmeldung abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The %1 sign-in answer carried no authorization code.</source>
        <translation>Die Antwort auf die Anmeldung bei %1 enthielt keinen Autorisierungscode.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 sign-in was cancelled.</source>
        <translation>Die Anmeldung bei %1 wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::OAuthTokenEndpoint</name>
    <message>
        <location filename="../src/net/oauthtokenendpoint.cpp" line="+52"/>
        <source>%1 refused the sign-in: %2</source>
        <translation>%1 hat die Anmeldung abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 answered the sign-in without an access token.</source>
        <translation>%1 hat auf die Anmeldung ohne Zugriffstoken geantwortet.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The %1 sign-in cannot be renewed (no refresh token); sign in again.</source>
        <translation>Die Anmeldung bei %1 kann nicht erneuert werden (kein Aktualisierungstoken); melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 needs a client secret to sign in as an application.</source>
        <translation>%1 benötigt einen geheimen Clientschlüssel, um sich als Anwendung anzumelden.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 has no token revocation address configured.</source>
        <translation>Für %1 ist keine Adresse zum Widerrufen von Tokens eingerichtet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::OAuthTokenProvider</name>
    <message>
        <location filename="../src/net/oauthtokenprovider.cpp" line="+57"/>
        <location line="+15"/>
        <source>The token endpoint is gone.</source>
        <translation>Der Token-Endpunkt ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The %1 sign-in was renewed without an access token.</source>
        <translation>Die Anmeldung bei %1 wurde ohne Zugriffstoken erneuert.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::Pager</name>
    <message>
        <location filename="../src/net/pager.cpp" line="+22"/>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The service sent a page link it had already sent (after page %1); stopped to avoid an endless loop.</source>
        <translation>Der Dienst hat einen bereits gesendeten Seitenlink erneut gesendet (nach Seite %1); abgebrochen, um eine Endlosschleife zu vermeiden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The list did not end after %1 pages; stopped.</source>
        <translation>Die Liste endete nicht nach %1 Seiten; abgebrochen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::Paging</name>
    <message>
        <location filename="../src/net/cursorpaging.cpp" line="+62"/>
        <location filename="../src/net/pagenumberpaging.cpp" line="+63"/>
        <source>The page has no item list at %1.</source>
        <translation>Die Seite enthält unter %1 keine Elementliste.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The page cursor at %1 is not a string.</source>
        <translation>Der Seitencursor unter %1 ist keine Zeichenkette.</translation>
    </message>
    <message>
        <location filename="../src/net/nextlinkpaging.cpp" line="+71"/>
        <source>The next-page link at %1 is not a valid address.</source>
        <translation>Der Link zur nächsten Seite unter %1 ist keine gültige Adresse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The next-page link points to another host (%1); it was not followed.</source>
        <translation>Der Link zur nächsten Seite zeigt auf einen anderen Host (%1); ihm wurde nicht gefolgt.</translation>
    </message>
    <message>
        <location filename="../src/net/pagenumberpaging.cpp" line="+18"/>
        <source>The page says neither how many pages there are nor holds an item list; cannot tell where the list ends.</source>
        <translation>Die Seite gibt weder die Anzahl der Seiten an, noch enthält sie eine Elementliste; das Ende der Liste ist nicht erkennbar.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::PhotoShelterConnector</name>
    <message>
        <location filename="../src/connectors/photoshelter/photoshelterconnector.cpp" line="+99"/>
        <source>PhotoShelter needs the account&apos;s email and password to sign in.</source>
        <translation>PhotoShelter benötigt zur Anmeldung die E-Mail-Adresse und das Passwort des Kontos.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The PhotoShelter API key is missing.</source>
        <translation>Der PhotoShelter-API-Schlüssel fehlt.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::PhotoShelterGalleries</name>
    <message>
        <location filename="../src/connectors/photoshelter/photosheltergalleries.cpp" line="+30"/>
        <source>PhotoShelter answered without %1.</source>
        <translation>PhotoShelter hat ohne %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::PhotoShelterGalleryDirectory</name>
    <message>
        <location filename="../src/connectors/photoshelter/photosheltergallerydirectory.cpp" line="+27"/>
        <source>PhotoShelter answered without %1.</source>
        <translation>PhotoShelter hat ohne %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::PhotoShelterKeywords</name>
    <message>
        <location filename="../src/connectors/photoshelter/photoshelterkeywords.cpp" line="+55"/>
        <source>PhotoShelter answered without the media&apos;s metadata.</source>
        <translation>PhotoShelter hat ohne die Metadaten des Mediums geantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::PhotoShelterLibrary</name>
    <message>
        <location filename="../src/connectors/photoshelter/photoshelterlibrary.cpp" line="+145"/>
        <source>PhotoShelter answered the library search without a list of media.</source>
        <translation>PhotoShelter hat die Bibliothekssuche ohne Medienliste beantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::PostCommand</name>
    <message>
        <location filename="../src/cli/postcommand.cpp" line="+55"/>
        <source>Publish or schedule a post on X through the outbox</source>
        <translation>Einen Beitrag auf X über den Postausgang veröffentlichen oder planen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>post --account ID|@HANDLE [--asset ID]... [--alt TEXT]... [--at ISO-TIME]
     [--text TEXT | --text-file FILE] [--campaign C] [--segment S] [--queue-only] [--json]
                    Checks each asset&apos;s approval and licence at the send time, queues the post
                    and publishes it (at --at), printing its URL; --alt goes with the --asset
                    in the same position. --queue-only leaves it to a running workbench.</source>
        <translation>post --account ID|@HANDLE [--asset ID]... [--alt TEXT]... [--at ISO-ZEIT]
     [--text TEXT | --text-file DATEI] [--campaign C] [--segment S] [--queue-only] [--json]
                    Prüft Freigabe und Lizenz jedes Assets zum Sendezeitpunkt, reiht den Beitrag
                    ein und veröffentlicht ihn (zu --at) und gibt seine URL aus; --alt gehört zum
                    --asset an derselben Position. --queue-only überlässt ihn einer laufenden Workbench.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is a %2 account, not an X account.</source>
        <translation>%1 ist ein %2-Konto, kein X-Konto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No X account is called %1.</source>
        <translation>Kein X-Konto heißt %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>usage: assetdesk-cli post --account ID|@HANDLE [--asset ID]... [--alt TEXT]... [--at ISO-TIME] [--text TEXT | --text-file FILE] [--campaign C] [--segment S] [--queue-only] [--json]</source>
        <translation>Aufruf: assetdesk-cli post --account ID|@HANDLE [--asset ID]... [--alt TEXT]... [--at ISO-ZEIT] [--text TEXT | --text-file DATEI] [--campaign C] [--segment S] [--queue-only] [--json]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected argument %1.</source>
        <translation>Unerwartetes Argument %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--account is required.</source>
        <translation>--account ist erforderlich.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give --text or --text-file, not both.</source>
        <translation>Geben Sie --text oder --text-file an, nicht beides.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--at needs an ISO 8601 time such as 2026-12-24T09:00:00+01:00.</source>
        <translation>--at braucht eine ISO-8601-Zeit wie 2026-12-24T09:00:00+01:00.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--asset needs a library asset id, not %1.</source>
        <translation>--asset braucht die ID eines Bibliotheks-Assets, nicht %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each --alt goes with an --asset.</source>
        <translation>Jedes --alt gehört zu einem --asset.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1.</source>
        <translation>%1 ist nicht lesbar.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>There is no asset %1 in the library.</source>
        <translation>In der Bibliothek gibt es kein Asset %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” has no file on this computer yet; open it in the workbench or sync its account with --thumbnails first.</source>
        <translation>„%1“ hat noch keine Datei auf diesem Computer; öffnen Sie es in der Workbench oder synchronisieren Sie sein Konto zuerst mit --thumbnails.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Queueing the post timed out.</source>
        <translation>Das Einreihen des Beitrags hat zu lange gedauert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queued as job %1 for %2.</source>
        <translation>Als Auftrag %1 für %2 eingereiht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued as job %1.</source>
        <translation>Als Auftrag %1 eingereiht.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting until %1 to publish (Ctrl+C leaves the job queued).</source>
        <translation>Warten bis %1 mit dem Veröffentlichen (Strg+C lässt den Auftrag eingereiht).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Will retry: %1</source>
        <translation>Neuer Versuch folgt: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Job %1 has not finished yet; it stays in the queue.</source>
        <translation>Auftrag %1 ist noch nicht fertig; er bleibt in der Warteschlange.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The post was not published: %1</source>
        <translation>Der Beitrag wurde nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Published %1</source>
        <translation>Veröffentlicht: %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::PublishingSettingsPage</name>
    <message>
        <location filename="../src/widgets/publishingsettingspage.cpp" line="+14"/>
        <source>Require alt text for every image and GIF</source>
        <translation>Alternativtext für jedes Bild und GIF verlangen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No undo: send at once</source>
        <translation>Kein Rückgängig: sofort senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“Publish now” waits this long in the outbox; until then the post can be pulled back with Undo.</source>
        <translation>„Jetzt veröffentlichen“ wartet so lange im Postausgang; bis dahin lässt sich der Beitrag mit Rückgängig zurückziehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo window:</source>
        <translation>Zeitfenster für Rückgängig:</translation>
    </message>
</context>
<context>
    <name>AssetDesk::QueueCommand</name>
    <message>
        <location filename="../src/cli/queuecommand.cpp" line="+44"/>
        <source>Show, cancel or retry the X posts in the outbox</source>
        <translation>Die X-Beiträge im Postausgang zeigen, abbrechen oder wiederholen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>queue [list] [--account ID|@HANDLE] [--json]   Queued, scheduled, running and failed posts</source>
        <translation>queue [list] [--account ID|@HANDLE] [--json]   Eingereihte, geplante, laufende und fehlgeschlagene Beiträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queue cancel JOB                 Pull a queued post back before it is sent</source>
        <translation>queue cancel AUFTRAG             Einen eingereihten Beitrag vor dem Senden zurückziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queue retry JOB                  Queue a failed post again</source>
        <translation>queue retry AUFTRAG              Einen fehlgeschlagenen Beitrag erneut einreihen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>usage: assetdesk-cli queue [list|cancel JOB|retry JOB] [--account ID|@HANDLE] [--json]</source>
        <translation>Aufruf: assetdesk-cli queue [list|cancel AUFTRAG|retry AUFTRAG] [--account ID|@HANDLE] [--json]</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unexpected argument %1.</source>
        <translation>Unerwartetes Argument %1.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The outbox is empty.</source>
        <translation>Der Postausgang ist leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JOB</source>
        <translation>AUFTRAG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ACCOUNT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DUE</source>
        <translation>FÄLLIG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LAST ERROR</source>
        <translation>LETZTER FEHLER</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown action %1.</source>
        <translation>Unbekannte Aktion %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 needs one job id.</source>
        <translation>%1 braucht eine Auftrags-ID.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no X post job %1.</source>
        <translation>Es gibt keinen X-Beitragsauftrag %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The workspace did not answer in time.</source>
        <translation>Der Arbeitsbereich hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job %1 is %2: only a queued post can be cancelled.</source>
        <translation>Auftrag %1 ist %2: nur ein eingereihter Beitrag kann abgebrochen werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job %1 is %2: only a failed post can be retried.</source>
        <translation>Auftrag %1 ist %2: nur ein fehlgeschlagener Beitrag kann wiederholt werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled job %1.</source>
        <translation>Auftrag %1 abgebrochen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Job %1 is queued again.</source>
        <translation>Auftrag %1 ist wieder eingereiht.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::RateBudget</name>
    <message>
        <location filename="../src/net/ratebudget.cpp" line="+56"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting %1 for the %2 rate limit</source>
        <translation>Warte %1 wegen des Anfragelimits von %2</translation>
    </message>
</context>
<context>
    <name>AssetDesk::RecordEntryList</name>
    <message>
        <location filename="../src/widgets/recordentrylist.cpp" line="+61"/>
        <source>unknown type</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachment: %1 (%2, %3)</source>
        <translation>Anhang: %1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download the file and open it with its application</source>
        <translation>Die Datei herunterladen und mit ihrer Anwendung öffnen</translation>
    </message>
</context>
<context>
    <name>AssetDesk::RightsGate</name>
    <message>
        <location filename="../src/core/rightsgate.cpp" line="+21"/>
        <source>it was rejected in review</source>
        <translation>es wurde bei der Prüfung abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its approval is still pending</source>
        <translation>seine Freigabe steht noch aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its reviewers disagree</source>
        <translation>seine Prüfer sind uneins</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nobody has asked for its approval</source>
        <translation>niemand hat seine Freigabe beantragt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its approval state is unknown</source>
        <translation>sein Freigabestatus ist unbekannt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“%1” is not approved for use: %2.</source>
        <translation>„%1“ ist nicht zur Verwendung freigegeben: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The licence of “%1” expired on %2.</source>
        <translation>Die Lizenz von „%1“ ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The licence of “%1” expires on %2, before the post is sent on %3.</source>
        <translation>Die Lizenz von „%1“ läuft am %2 ab, vor dem Senden des Beitrags am %3.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SandboxManifest</name>
    <message>
        <location filename="../src/connectors/sandboxmanifest.cpp" line="+37"/>
        <source>PhotoShelter demo library</source>
        <translation>PhotoShelter-Demobibliothek</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>iconik demo library</source>
        <translation>iconik-Demobibliothek</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Dynamics 365 demo</source>
        <translation>Dynamics 365 (Demo)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Zendesk demo</source>
        <translation>Zendesk (Demo)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The sandbox did not describe its services.</source>
        <translation>Die Sandbox hat ihre Dienste nicht beschrieben.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The sandbox offers no service this version of AssetDesk knows.</source>
        <translation>Die Sandbox bietet keinen Dienst an, den diese Version von AssetDesk kennt.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SandboxProcess</name>
    <message>
        <location filename="../src/connectors/sandboxprocess.cpp" line="+26"/>
        <source>The local sandbox did not start within %1 seconds.</source>
        <translation>Die lokale Sandbox ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The local sandbox (assetdesk-sandbox) is not installed next to AssetDesk.</source>
        <translation>Die lokale Sandbox (assetdesk-sandbox) ist nicht neben AssetDesk installiert.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The local sandbox could not be started: %1</source>
        <translation>Die lokale Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The local sandbox printed something unexpected instead of its services.</source>
        <translation>Die lokale Sandbox hat statt ihrer Dienste etwas Unerwartetes ausgegeben.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The local sandbox stopped unexpectedly (exit code %1).</source>
        <translation>Die lokale Sandbox wurde unerwartet beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local sandbox ended before it was ready (exit code %1).</source>
        <translation>Die lokale Sandbox wurde beendet, bevor sie bereit war (Exit-Code %1).</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SearchCommand</name>
    <message>
        <location filename="../src/cli/searchcommand.cpp" line="+44"/>
        <source>Search the local library (synced assets)</source>
        <translation>Die lokale Bibliothek durchsuchen (synchronisierte Assets)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>search QUERY        [--approved] [--service S] [--limit N] (default 50; 0 = all)</source>
        <translation>search ANFRAGE      [--approved] [--service S] [--limit N] (Standard 50; 0 = alle)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>usage: assetdesk-cli search QUERY [--approved] [--service S] [--limit N] [--json]</source>
        <translation>Aufruf: assetdesk-cli search ANFRAGE [--approved] [--service S] [--limit N] [--json]</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown service %1.</source>
        <translation>Unbekannter Dienst %1.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 of %n matching asset(s) shown.</source>
        <translation>
            <numerusform>%1 von %n passenden Asset angezeigt.</numerusform>
            <numerusform>%1 von %n passenden Assets angezeigt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetDesk::SecretPrompt</name>
    <message numerus="yes">
        <location filename="../src/cli/secretprompt.cpp" line="+46"/>
        <source>Expected %n secret line(s) on standard input.</source>
        <translation>
            <numerusform>Auf der Standardeingabe wurde %n Zeile mit Zugangsdaten erwartet.</numerusform>
            <numerusform>Auf der Standardeingabe wurden %n Zeilen mit Zugangsdaten erwartet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing was entered.</source>
        <translation>Es wurde nichts eingegeben.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ServiceAuthProfile</name>
    <message>
        <location filename="../src/core/serviceauthprofile.cpp" line="+18"/>
        <source>https://www.photoshelter.com</source>
        <translation>https://www.photoshelter.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key and PhotoShelter login</source>
        <translation>API-Schlüssel und PhotoShelter-Anmeldung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Organization ID (optional)</source>
        <translation>Organisations-ID (optional)</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Sign in with the browser (OAuth)</source>
        <translation>Anmeldung im Browser (OAuth)</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+6"/>
        <location line="+10"/>
        <source>OAuth client ID</source>
        <translation>OAuth-Client-ID</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>https://app.iconik.io or https://eu.iconik.io</source>
        <translation>https://app.iconik.io oder https://eu.iconik.io</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application token</source>
        <translation>Anwendungstoken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>App ID</source>
        <translation>App-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auth token</source>
        <translation>Auth-Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://api.x.com</source>
        <translation>https://api.x.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Sign in with the browser (OAuth 2.0 + PKCE)</source>
        <translation>Anmeldung im Browser (OAuth 2.0 + PKCE)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>https://&lt;environment&gt;.crm.dynamics.com</source>
        <translation>https://&lt;umgebung&gt;.crm.dynamics.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application user (client credentials)</source>
        <translation>Anwendungsbenutzer (Clientanmeldeinformationen)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://&lt;subdomain&gt;.zendesk.com</source>
        <translation>https://&lt;subdomain&gt;.zendesk.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email and API token</source>
        <translation>E-Mail und API-Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agent email</source>
        <translation>E-Mail des Agenten</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Subdomain</source>
        <translation>Subdomain</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ServiceConnector</name>
    <message>
        <location filename="../src/connectors/serviceconnector.cpp" line="+46"/>
        <source>This %1 account signs in with a key, not through the browser.</source>
        <translation>Dieses Konto (%1) wird mit einem Schlüssel angemeldet, nicht über den Browser.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ServicePane</name>
    <message>
        <location filename="../src/widgets/servicepane.cpp" line="+20"/>
        <source>No DAM library is connected. Add a PhotoShelter or iconik account to browse its assets here.</source>
        <translation>Keine DAM-Bibliothek verbunden. Fügen Sie ein PhotoShelter- oder iconik-Konto hinzu, um hier seine Assets zu durchsuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No X account is connected. Add one to publish approved assets and follow how they do.</source>
        <translation>Kein X-Konto verbunden. Fügen Sie eines hinzu, um freigegebene Assets zu veröffentlichen und ihre Resonanz zu verfolgen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Dynamics 365 environment is connected. Add one to see accounts, cases and campaigns.</source>
        <translation>Keine Dynamics 365-Umgebung verbunden. Fügen Sie eine hinzu, um Firmen, Fälle und Kampagnen zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Zendesk account is connected. Add one to work on tickets beside your assets.</source>
        <translation>Kein Zendesk-Konto verbunden. Fügen Sie eines hinzu, um Tickets neben Ihren Assets zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add Account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 (%2 offline)</source>
        <translation>%1 (%2 offline)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SqlConnection</name>
    <message>
        <location filename="../src/storage/sqlconnection.cpp" line="+70"/>
        <source>The Qt SQL driver for %1 is not available.</source>
        <translation>Der Qt-SQL-Treiber für %1 ist nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open the workspace database %1.</source>
        <translation>Die Datenbank des Arbeitsbereichs %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot set the database page size.</source>
        <translation>Die Seitengröße der Datenbank kann nicht eingestellt werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot switch the database to WAL mode.</source>
        <translation>Die Datenbank kann nicht in den WAL-Modus geschaltet werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database refused WAL journaling (it reports &quot;%1&quot;).</source>
        <translation>Die Datenbank lehnt das WAL-Journal ab (sie meldet „%1“).</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>There is no AssetDesk database at %1.</source>
        <translation>Unter %1 gibt es keine AssetDesk-Datenbank.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>A database statement failed.</source>
        <translation>Eine Datenbankanweisung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SqlTransaction</name>
    <message>
        <location filename="../src/storage/sqltransaction.cpp" line="+35"/>
        <source>The change could not be committed; nothing was saved.</source>
        <translation>Die Änderung konnte nicht übernommen werden; es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::Storage</name>
    <message>
        <location filename="../src/storage/storage.cpp" line="+111"/>
        <source>This workspace has no identity yet; open it once to upgrade it.</source>
        <translation>Dieser Arbeitsbereich hat noch keine Kennung; öffnen Sie ihn einmal, um ihn zu aktualisieren.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::StorageConfig</name>
    <message>
        <location filename="../src/storage/storageconfig.cpp" line="+57"/>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The database URL is not valid: %1</source>
        <translation>Die Datenbank-URL ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A sqlite: URL takes an absolute path with three slashes, e.g. sqlite:///home/me/assetdesk.sqlite3.</source>
        <translation>Eine sqlite:-URL braucht einen absoluten Pfad mit drei Schrägstrichen, z. B. sqlite:///home/ich/assetdesk.sqlite3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A sqlite: URL needs an absolute file path, e.g. sqlite:///home/me/assetdesk.sqlite3.</source>
        <translation>Eine sqlite:-URL braucht einen absoluten Dateipfad, z. B. sqlite:///home/ich/assetdesk.sqlite3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A sqlite: URL takes no query parameters.</source>
        <translation>Eine sqlite:-URL nimmt keine Abfrageparameter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsupported database URL scheme &quot;%1&quot;. Use a file path, sqlite:///path or postgresql://user@host:port/database.</source>
        <translation>Nicht unterstütztes Datenbank-URL-Schema „%1“. Verwenden Sie einen Dateipfad, sqlite:///pfad oder postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The PostgreSQL URL is not valid. Expected postgresql://user:password@host:port/database?schema=name.</source>
        <translation>Die PostgreSQL-URL ist ungültig. Erwartet wird postgresql://benutzer:passwort@host:port/datenbank?schema=name.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The PostgreSQL port must be between 1 and 65535.</source>
        <translation>Der PostgreSQL-Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PostgreSQL URL needs a database name, e.g. postgresql://user@host:5432/assetdesk.</source>
        <translation>Die PostgreSQL-URL braucht einen Datenbanknamen, z. B. postgresql://benutzer@host:5432/assetdesk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PostgreSQL database name &quot;%1&quot; must not contain &apos;/&apos;.</source>
        <translation>Der PostgreSQL-Datenbankname „%1“ darf kein „/“ enthalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The schema &quot;%1&quot; is not a plain identifier (letters, digits and _, not starting with a digit, at most 63).</source>
        <translation>Das Schema „%1“ ist kein einfacher Bezeichner (Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend, höchstens 63).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The value of %1 contains characters that are not allowed.</source>
        <translation>Der Wert von %1 enthält unzulässige Zeichen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown PostgreSQL URL parameter &quot;%1&quot;. Allowed: schema, %2.</source>
        <translation>Unbekannter PostgreSQL-URL-Parameter „%1“. Erlaubt: schema, %2.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::StorageWriter</name>
    <message>
        <location filename="../src/storage/storagewriter.cpp" line="+43"/>
        <source>The workspace database is closed.</source>
        <translation>Die Datenbank des Arbeitsbereichs ist geschlossen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SupportDesk</name>
    <message>
        <location filename="../src/app/supportdesk.cpp" line="+70"/>
        <source>The Zendesk account of that ticket is not in this workspace any more.</source>
        <translation>Das Zendesk-Konto dieses Tickets ist nicht mehr in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The Dynamics account of that record is not in this workspace any more.</source>
        <translation>Das Dynamics-Konto dieses Datensatzes ist nicht mehr in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That record is not in the CRM pane&apos;s tree.</source>
        <translation>Dieser Datensatz steht nicht im Baum des CRM-Bereichs.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All Tickets</source>
        <translation>Alle Tickets</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The ticket queue could not be read: %1</source>
        <translation>Die Ticket-Warteschlange konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Ticket #%1 is not among the first %n ticket(s) the queue lists; its conversation is shown beside the queue.</source>
        <translation>
            <numerusform>Ticket #%1 ist nicht das erste Ticket, das die Warteschlange zeigt; seine Unterhaltung steht neben der Warteschlange.</numerusform>
            <numerusform>Ticket #%1 ist nicht unter den ersten %n Tickets, die die Warteschlange zeigt; seine Unterhaltung steht neben der Warteschlange.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This ticket is no longer in the local cache.</source>
        <translation>Dieses Ticket ist nicht mehr im lokalen Cache.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The conversation could not be read: %1</source>
        <translation>Die Unterhaltung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ticket #%1 updated in Zendesk.</source>
        <translation>Ticket #%1 in Zendesk aktualisiert.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The CRM records could not be read: %1</source>
        <translation>Die CRM-Datensätze konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This case is no longer in the local cache.</source>
        <translation>Dieser Fall ist nicht mehr im lokalen Cache.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The notes could not be read: %1</source>
        <translation>Die Notizen konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SyncCommand</name>
    <message>
        <location filename="../src/cli/synccommand.cpp" line="+70"/>
        <source>Sync PhotoShelter and iconik accounts into the local library</source>
        <translation>PhotoShelter- und iconik-Konten in die lokale Bibliothek synchronisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sync SERVICE|ID|NAME...  [--full] [--page-size N] [--thumbnails]
                    SERVICE (photoshelter, iconik) syncs all its accounts. Incremental unless
                    --full; an interrupted sync continues where it stopped.</source>
        <translation>sync DIENST|ID|NAME...  [--full] [--page-size N] [--thumbnails]
                    DIENST (photoshelter, iconik) synchronisiert alle seine Konten. Inkrementell,
                    außer mit --full; eine unterbrochene Synchronisation setzt dort fort, wo sie stand.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 is a %2 account; only PhotoShelter and iconik accounts can be synced.</source>
        <translation>%1 ist ein %2-Konto; nur PhotoShelter- und iconik-Konten können synchronisiert werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No %1 account is configured.</source>
        <translation>Es ist kein %1-Konto eingerichtet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No account is called %1.</source>
        <translation>Kein Konto heißt %1.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>usage: assetdesk-cli sync SERVICE|ID|NAME... [--full] [--page-size N] [--thumbnails] [--json]</source>
        <translation>Aufruf: assetdesk-cli sync DIENST|ID|NAME... [--full] [--page-size N] [--thumbnails] [--json]</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>%1: %n item(s) skipped, %2 stored with adjustments:</source>
        <translation>
            <numerusform>%1: %n Element übersprungen, %2 mit Anpassungen gespeichert:</numerusform>
            <numerusform>%1: %n Elemente übersprungen, %2 mit Anpassungen gespeichert:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/cli/clisyncrun.h" line="+26"/>
        <source>The sync of %1 did not finish in time.</source>
        <translation>Die Synchronisation von %1 ist nicht rechtzeitig fertig geworden.</translation>
    </message>
    <message>
        <location filename="../src/cli/synccommand.cpp" line="-13"/>
        <source>%1: %2 sync%3 - %4 pages, %5 assets read, %6 changed, %7 removed, %8 in the library; %9 collections; %10 s (%11 assets/s)</source>
        <translation>%1: %2 Synchronisation%3 - %4 Seiten, %5 Assets gelesen, %6 geändert, %7 entfernt, %8 in der Bibliothek; %9 Sammlungen; %10 s (%11 Assets/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>full</source>
        <translation>vollständige</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incremental</source>
        <translation>inkrementelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (resumed)</source>
        <translation> (fortgesetzt)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::SyncOutcome</name>
    <message numerus="yes">
        <location filename="../src/sync/syncoutcometext.cpp" line="+17"/>
        <source>%n asset(s) read</source>
        <translation>
            <numerusform>%n Asset gelesen</numerusform>
            <numerusform>%n Assets gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n stored</source>
        <translation>
            <numerusform>%n gespeichert</numerusform>
            <numerusform>%n gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+12"/>
        <location line="+10"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-20"/>
        <location line="+22"/>
        <source>%n skipped (see the log)</source>
        <translation>
            <numerusform>%n übersprungen (siehe Protokoll)</numerusform>
            <numerusform>%n übersprungen (siehe Protokoll)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-20"/>
        <source>%n in the library</source>
        <translation>
            <numerusform>%n in der Bibliothek</numerusform>
            <numerusform>%n in der Bibliothek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n changed ticket(s)</source>
        <translation>
            <numerusform>%n geändertes Ticket</numerusform>
            <numerusform>%n geänderte Tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n in the cache</source>
        <translation>
            <numerusform>%n im Cache</numerusform>
            <numerusform>%n im Cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n record(s) stored</source>
        <translation>
            <numerusform>%n Datensatz gespeichert</numerusform>
            <numerusform>%n Datensätze gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 not available in this organization</source>
        <translation>%1 in dieser Organisation nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ThumbnailCache</name>
    <message>
        <location filename="../src/media/thumbnailcache.cpp" line="+166"/>
        <source>There are no bytes to cache.</source>
        <translation>Es gibt keine Daten zum Zwischenspeichern.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The thumbnail cache folder could not be created.</source>
        <translation>Der Ordner für den Vorschaubild-Cache konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A thumbnail could not be written to the cache.</source>
        <translation>Ein Vorschaubild konnte nicht in den Cache geschrieben werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file is larger than the whole thumbnail cache.</source>
        <translation>Die Datei ist größer als der gesamte Vorschaubild-Cache.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>That is not a thumbnail cache key.</source>
        <translation>Das ist kein Schlüssel des Vorschaubild-Caches.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The thumbnail is not in the cache.</source>
        <translation>Das Vorschaubild ist nicht im Cache.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cached thumbnail could not be read.</source>
        <translation>Ein zwischengespeichertes Vorschaubild konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ThumbnailDecoder</name>
    <message>
        <location filename="../src/media/thumbnaildecoder.cpp" line="+28"/>
        <source>The image is empty.</source>
        <translation>Das Bild ist leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+17"/>
        <source>The image file is too large to make a thumbnail of.</source>
        <translation>Die Bilddatei ist zu groß für ein Vorschaubild.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The image file is missing.</source>
        <translation>Die Bilddatei fehlt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The image file could not be read.</source>
        <translation>Die Bilddatei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A thumbnail needs a size.</source>
        <translation>Ein Vorschaubild braucht eine Größe.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Decoding the image would need %1 MB of memory.</source>
        <translation>Das Dekodieren des Bildes bräuchte %1 MB Speicher.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image could not be decoded.</source>
        <translation>Das Bild konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no image to encode.</source>
        <translation>Es gibt kein Bild zum Kodieren.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The thumbnail could not be encoded.</source>
        <translation>Das Vorschaubild konnte nicht kodiert werden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::TicketDetailView</name>
    <message>
        <location filename="../src/widgets/ticketdetailview.cpp" line="+20"/>
        <source>Find Assets</source>
        <translation>Assets suchen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search the library for this ticket&apos;s organization, product and tags, approved assets first</source>
        <translation>Die Bibliothek nach Organisation, Produkt und Tags dieses Tickets durchsuchen, freigegebene Assets zuerst</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select a ticket to read its conversation. Drop library assets on a ticket to attach them.</source>
        <translation>Wählen Sie ein Ticket aus, um seine Unterhaltung zu lesen. Ziehen Sie Bibliotheks-Assets auf ein Ticket, um sie anzuhängen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No comments yet.</source>
        <translation>Noch keine Kommentare.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public reply</source>
        <translation>Öffentliche Antwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
</context>
<context>
    <name>AssetDesk::TicketFieldsEditor</name>
    <message>
        <location filename="../src/widgets/ticketfieldseditor.cpp" line="+29"/>
        <location line="+161"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by spaces</source>
        <translation>Tags, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the priority, status and tags to Zendesk</source>
        <translation>Priorität, Status und Tags an Zendesk senden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zendesk does not change closed tickets; create a follow-up ticket instead.</source>
        <translation>Zendesk ändert keine geschlossenen Tickets; legen Sie stattdessen ein Folgeticket an.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::TicketPriorityDelegate</name>
    <message>
        <location filename="../src/widgets/ticketprioritydelegate.cpp" line="+64"/>
        <location line="+12"/>
        <source>Press</source>
        <translation>Presse</translation>
    </message>
</context>
<context>
    <name>AssetDesk::TicketQueueModel</name>
    <message>
        <location filename="../src/models/ticketqueuemodel.cpp" line="+90"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requester</source>
        <translation>Anfragender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>AssetDesk::TicketUrgency</name>
    <message>
        <location filename="../src/core/ticketurgency.cpp" line="+65"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
</context>
<context>
    <name>AssetDesk::TicketsCommand</name>
    <message>
        <location filename="../src/cli/ticketscommand.cpp" line="+107"/>
        <source>%1: tickets synced - %2 changed, %3 removed, %4 in the cache, %5 s</source>
        <translation>%1: Tickets synchronisiert - %2 geändert, %3 entfernt, %4 im Cache, %5 s</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ticket %1 is not in the local cache; run with --sync first.</source>
        <translation>Ticket %1 ist nicht im lokalen Cache; führen Sie den Befehl zuerst mit --sync aus.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fetching the conversation did not finish in time.</source>
        <translation>Das Abrufen der Unterhaltung ist nicht rechtzeitig fertig geworden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1, priority %2, %3 - %4</source>
        <translation>%1, Priorität %2, %3 - %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (internal note)</source>
        <translation> (interne Notiz)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>List Zendesk tickets from the local helpdesk cache</source>
        <translation>Zendesk-Tickets aus dem lokalen Helpdesk-Cache auflisten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tickets             [--view NAME] [--status S[,S]] [--priority P[,P]] [--tag T] [--text T]
                    [--urgent-first] [--limit N] [--sync [--full]] [--json]
tickets --show N    One ticket with its conversation (fetched when stale)</source>
        <translation>tickets             [--view NAME] [--status S[,S]] [--priority P[,P]] [--tag T] [--text T]
                    [--urgent-first] [--limit N] [--sync [--full]] [--json]
tickets --show N    Ein Ticket mit seiner Unterhaltung (neu abgerufen, wenn veraltet)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>usage: assetdesk-cli tickets [--view NAME] [--status S[,S]] [--priority P[,P]] [--tag T] [--text T] [--urgent-first] [--limit N] [--sync [--full]] [--json] | --show N</source>
        <translation>Aufruf: assetdesk-cli tickets [--view NAME] [--status S[,S]] [--priority P[,P]] [--tag T] [--text T] [--urgent-first] [--limit N] [--sync [--full]] [--json] | --show N</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>No tickets in view &quot;%1&quot;.</source>
        <translation>Keine Tickets in Ansicht „%1“.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No tickets.</source>
        <translation>Keine Tickets.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>AssetDesk::VideoClipMaker</name>
    <message>
        <location filename="../src/media/videoclipmaker.cpp" line="+166"/>
        <source>Making the clip was cancelled.</source>
        <translation>Das Erstellen des Clips wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The source video file is missing.</source>
        <translation>Die Quellvideodatei fehlt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The clip is shorter than X&apos;s %1 s.</source>
        <translation>Der Clip ist kürzer als die %1 s, die X verlangt.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::Workbench</name>
    <message>
        <location filename="../src/app/workbench.cpp" line="+149"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+4</source>
        <translation>Alt+4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alt+5</source>
        <translation>Alt+5</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Your account is saved. Restart AssetDesk to leave the sandbox and use your own accounts.</source>
        <translation>Ihr Konto wurde gespeichert. Starten Sie AssetDesk neu, um die Sandbox zu verlassen und Ihre eigenen Konten zu verwenden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Local sandbox · demo data</source>
        <translation>Lokale Sandbox · Demodaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No account is configured, so AssetDesk shows its built-in sandbox: local emulators of PhotoShelter, iconik, X, Dynamics 365 and Zendesk with demo content (seed %1). Add your own accounts in Settings → Accounts.</source>
        <translation>Da kein Konto eingerichtet ist, zeigt AssetDesk die integrierte Sandbox: lokale Emulatoren von PhotoShelter, iconik, X, Dynamics 365 und Zendesk mit Demoinhalten (Seed %1). Fügen Sie Ihre eigenen Konten unter Einstellungen → Konten hinzu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Showing the local sandbox: no account is configured yet.</source>
        <translation>Die lokale Sandbox wird angezeigt: Es ist noch kein Konto eingerichtet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The workspace is still opening; try again in a moment.</source>
        <translation>Der Arbeitsbereich wird noch geöffnet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AssetDesk is showing the local sandbox because no account is configured. The accounts you add here are your own; restart AssetDesk to use them.</source>
        <translation>AssetDesk zeigt die lokale Sandbox an, weil kein Konto eingerichtet ist. Die Konten, die Sie hier hinzufügen, sind Ihre eigenen; starten Sie AssetDesk neu, um sie zu verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publishing</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>DAM write-back</source>
        <translation>DAM-Rückschreiben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About AssetDesk</source>
        <translation>Über AssetDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;AssetDesk %1&lt;/h3&gt;&lt;p&gt;DAM libraries beside X accounts, CRM cases and helpdesk tickets, in one window.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AssetDesk %1&lt;/h3&gt;&lt;p&gt;DAM-Bibliotheken neben X-Konten, CRM-Fällen und Helpdesk-Tickets – in einem Fenster.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AssetDesk::WorkspaceLauncher</name>
    <message>
        <location filename="../src/app/workspacelauncher.cpp" line="+51"/>
        <source>Opening the workspace…</source>
        <translation>Arbeitsbereich wird geöffnet…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The workspace could not be opened</source>
        <translation>Der Arbeitsbereich konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Starting the local sandbox…</source>
        <translation>Lokale Sandbox wird gestartet…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sandbox unavailable</source>
        <translation>Sandbox nicht verfügbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the local sandbox</source>
        <translation>Lokale Sandbox starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AssetDesk is closing.</source>
        <translation>AssetDesk wird beendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding demo data…</source>
        <translation>Demodaten werden erzeugt…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n demo account(s) ready</source>
        <translation>
            <numerusform>%n Demokonto bereit</numerusform>
            <numerusform>%n Demokonten bereit</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The sandbox workspace could not be opened</source>
        <translation>Der Sandbox-Arbeitsbereich konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sandbox&apos;s demo accounts could not be set up</source>
        <translation>Die Demokonten der Sandbox konnten nicht eingerichtet werden</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XAccountColumn</name>
    <message>
        <location filename="../src/widgets/xaccountcolumn.cpp" line="+105"/>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+338"/>
        <source>Queue</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <location line="-320"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel Post</source>
        <translation>Beitrag abbrechen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Click to select this column; Ctrl+click to select several. Assets dropped on a selected column go to every selected account.</source>
        <translation>Klicken, um diese Spalte auszuwählen; Strg+Klick wählt mehrere. Auf eine ausgewählte Spalte gezogene Assets gehen an jedes ausgewählte Konto.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Move Left</source>
        <translation>Nach links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Right</source>
        <translation>Nach rechts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove Column</source>
        <translation>Spalte entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+246"/>
        <source>Queue (%1)</source>
        <translation>Ausgang (%1)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XConnector</name>
    <message>
        <location filename="../src/connectors/x/xconnector.cpp" line="+48"/>
        <source>This X account is not signed in yet. Use “Sign In…”.</source>
        <translation>Dieses X-Konto ist noch nicht angemeldet. Verwenden Sie „Anmelden…“.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XDesk</name>
    <message>
        <location filename="../src/app/xdesk.cpp" line="+59"/>
        <source>A post could not be published: %1</source>
        <translation>Ein Beitrag konnte nicht veröffentlicht werden: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The X account of that post is not in this workspace any more.</source>
        <translation>Das X-Konto dieses Beitrags ist nicht mehr in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The X post %1 is not in its account&apos;s column.</source>
        <translation>Der X-Beitrag %1 steht nicht in der Spalte seines Kontos.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The X column could not be read: %1</source>
        <translation>Die X-Spalte konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The post could not be retried: %1</source>
        <translation>Der Beitrag konnte nicht wiederholt werden: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The post could not be cancelled: %1</source>
        <translation>Der Beitrag konnte nicht abgebrochen werden: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The post is no longer in the outbox.</source>
        <translation>Der Beitrag ist nicht mehr im Postausgang.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+17"/>
        <source>The post cannot be edited any more: %1</source>
        <translation>Der Beitrag kann nicht mehr bearbeitet werden: %1</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XMediaProbe</name>
    <message>
        <location filename="../src/connectors/x/xmediaprobe.cpp" line="+88"/>
        <source>%1 is a damaged WebP image.</source>
        <translation>%1 ist ein beschädigtes WebP-Bild.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is a damaged image: its size cannot be read.</source>
        <translation>%1 ist ein beschädigtes Bild: seine Größe ist nicht lesbar.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XMediaResponse</name>
    <message>
        <location filename="../src/connectors/x/xmediaresponse.cpp" line="+21"/>
        <source>X answered the media upload in an unexpected form.</source>
        <translation>X hat auf den Medien-Upload in unerwarteter Form geantwortet.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XMediaUpload</name>
    <message>
        <location filename="../src/connectors/x/xmediaupload.cpp" line="+75"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 could not be read to the end: %2</source>
        <translation>%1 konnte nicht bis zum Ende gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>X could not process the media.</source>
        <translation>X konnte die Medien nicht verarbeiten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X could not process the media: %1</source>
        <translation>X konnte die Medien nicht verarbeiten: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>X did not finish processing the media within %1 minutes.</source>
        <translation>X hat die Verarbeitung der Medien nicht innerhalb von %1 Minuten abgeschlossen.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The upload to X was cancelled.</source>
        <translation>Der Upload zu X wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XMediaValidator</name>
    <message>
        <location filename="../src/connectors/x/xmediavalidator.cpp" line="+40"/>
        <source>it is %1, X accepts images up to %2</source>
        <translation>sie ist %1 groß, X akzeptiert Bilder bis %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it is %1, X accepts animated GIFs up to %2</source>
        <translation>sie ist %1 groß, X akzeptiert animierte GIFs bis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is %1×%2 pixels, X accepts animated GIFs up to %3×%4</source>
        <translation>sie hat %1×%2 Pixel, X akzeptiert animierte GIFs bis %3×%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it has %1 frames, X accepts up to %2</source>
        <translation>sie hat %1 Einzelbilder, X akzeptiert bis zu %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its frames hold %1 million pixels in all, X accepts up to %2 million</source>
        <translation>ihre Einzelbilder enthalten insgesamt %1 Millionen Pixel, X akzeptiert bis zu %2 Millionen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it is %1, X accepts videos up to %2</source>
        <translation>sie ist %1 groß, X akzeptiert Videos bis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no video track</source>
        <translation>sie hat keine Videospur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its video is encoded as “%1”, X accepts H.264 only (re-encode it)</source>
        <translation>ihr Video ist als „%1“ kodiert, X akzeptiert nur H.264 (neu kodieren)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it lasts %1 s, X accepts %2 to %3 s</source>
        <translation>sie dauert %1 s, X akzeptiert %2 bis %3 s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is %1×%2 pixels, X accepts %3×%3 to %4×%5</source>
        <translation>sie hat %1×%2 Pixel, X akzeptiert %3×%3 bis %4×%5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its aspect ratio is %1:1, X accepts 1:3 to 3:1</source>
        <translation>ihr Seitenverhältnis ist %1:1, X akzeptiert 1:3 bis 3:1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it runs at %1 frames per second, X accepts up to %2</source>
        <translation>sie läuft mit %1 Bildern pro Sekunde, X akzeptiert bis zu %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 cannot be posted on X: X accepts JPEG, PNG, GIF and WebP images and MP4 or MOV videos.</source>
        <translation>%1 kann nicht auf X veröffentlicht werden: X akzeptiert JPEG-, PNG-, GIF- und WebP-Bilder sowie MP4- oder MOV-Videos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be posted on X: %2.</source>
        <translation>%1 kann nicht auf X veröffentlicht werden: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A post on X can carry one GIF or one video, alone; remove the other attachments.</source>
        <translation>Ein Beitrag auf X kann nur ein GIF oder ein Video allein enthalten; entfernen Sie die anderen Anhänge.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A post on X can carry up to %1 images; this one has %2.</source>
        <translation>Ein Beitrag auf X kann bis zu %1 Bilder enthalten; dieser hat %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The image description has %1 characters; X accepts up to %2.</source>
        <translation>Die Bildbeschreibung hat %1 Zeichen; X akzeptiert bis zu %2.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XMetricsPoller</name>
    <message>
        <location filename="../src/sync/xmetricspoller.cpp" line="+128"/>
        <source>X asked to wait %1 s before reading %2&apos;s posts again; their metrics wait for the next cycle.</source>
        <translation>X bittet, %1 s zu warten, bevor die Beiträge von %2 erneut gelesen werden; ihre Kennzahlen warten auf den nächsten Durchgang.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only %1 requests of %2&apos;s X rate window are left; metrics wait for the next cycle so the X pane and the publisher keep theirs.</source>
        <translation>Im X-Anfragefenster von %2 sind nur noch %1 Anfragen übrig; die Kennzahlen warten auf den nächsten Durchgang, damit X-Bereich und Veröffentlichung ihre behalten.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading X metrics of %1</source>
        <translation>X-Kennzahlen von %1 werden gelesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The account is not an X account.</source>
        <translation>Das Konto ist kein X-Konto.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>X is rate limiting %1: %2 Metrics wait for the next cycle.</source>
        <translation>X begrenzt die Anfragen von %1: %2 Die Kennzahlen warten auf den nächsten Durchgang.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XMp4Reader</name>
    <message>
        <location filename="../src/connectors/x/xmp4reader.cpp" line="+109"/>
        <source>The video file is damaged or incomplete: its MP4 structure cannot be read.</source>
        <translation>Die Videodatei ist beschädigt oder unvollständig: ihre MP4-Struktur ist nicht lesbar.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XPane</name>
    <message>
        <location filename="../src/widgets/xpane.cpp" line="+38"/>
        <source>Add Column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drop library assets on a column to post them; Ctrl+click headers to post to several.</source>
        <translation>Ziehen Sie Bibliotheks-Assets auf eine Spalte, um sie zu posten; Strg+Klick auf Spaltenköpfe postet an mehrere.</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>Every X account has a column</source>
        <translation>Jedes X-Konto hat eine Spalte</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XPostDelegate</name>
    <message>
        <location filename="../src/widgets/xpostdelegate.cpp" line="+97"/>
        <source>▣ %1</source>
        <translation>▣ %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 views</source>
        <translation>%1 Aufrufe</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XPostMapper</name>
    <message>
        <location filename="../src/connectors/x/xpostmapper.cpp" line="+147"/>
        <source>X answered without a list of posts.</source>
        <translation>X hat ohne Liste von Beiträgen geantwortet.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>X answered the deletion without saying whether it happened.</source>
        <translation>X hat auf das Löschen geantwortet, ohne zu sagen, ob es geschehen ist.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XPosts</name>
    <message>
        <location filename="../src/connectors/x/xposts.cpp" line="+61"/>
        <source>A post on X needs text or media.</source>
        <translation>Ein Beitrag auf X braucht Text oder Medien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A post on X can carry up to %1 media; this one has %2.</source>
        <translation>Ein Beitrag auf X kann bis zu %1 Medien enthalten; dieser hat %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an X media id.</source>
        <translation>„%1“ ist keine X-Medien-ID.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+39"/>
        <source>“%1” is not an X post id.</source>
        <translation>„%1“ ist keine X-Beitrags-ID.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XPublishAttempt</name>
    <message>
        <location filename="../src/sync/xpublishattempt.cpp" line="+65"/>
        <location line="+13"/>
        <location line="+55"/>
        <location line="+24"/>
        <source>The X account&apos;s connector went away.</source>
        <translation>Die Verbindung des X-Kontos wurde geschlossen.</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Could not read the account&apos;s posts to check for this one: %1</source>
        <translation>Die Beiträge des Kontos konnten für die Prüfung auf diesen nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>X refuses this text as a duplicate of the account&apos;s recent post %1.</source>
        <translation>X lehnt diesen Text als Duplikat des kürzlich veröffentlichten Beitrags %1 ab.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>X refuses this text as a duplicate of a recent post, and none of the account&apos;s recent posts matches it.</source>
        <translation>X lehnt diesen Text als Duplikat eines kürzlichen Beitrags ab, doch keiner der letzten Beiträge des Kontos stimmt mit ihm überein.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Uploading media</source>
        <translation>Medien hochladen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Publishing</source>
        <translation>Veröffentlichen</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XPublishPayload</name>
    <message>
        <location filename="../src/sync/xpublishpayload.cpp" line="+67"/>
        <source>The publish job&apos;s payload is not a JSON object.</source>
        <translation>Die Nutzdaten des Veröffentlichungsauftrags sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A post needs an X account.</source>
        <translation>Ein Beitrag braucht ein X-Konto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A post needs text or media.</source>
        <translation>Ein Beitrag braucht Text oder Medien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A post can carry at most four media.</source>
        <translation>Ein Beitrag kann höchstens vier Medien enthalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each medium needs either a file or an uploaded media id.</source>
        <translation>Jedes Medium braucht entweder eine Datei oder eine hochgeladene Medien-ID.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XQueueDelegate</name>
    <message>
        <location filename="../src/widgets/xqueuedelegate.cpp" line="+37"/>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>▣ %1</source>
        <translation>▣ %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>(media only)</source>
        <translation>(nur Medien)</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XQueueModel</name>
    <message>
        <location filename="../src/models/xqueuemodel.cpp" line="+20"/>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publishing</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>AssetDesk::XTimelineFeed</name>
    <message>
        <location filename="../src/sync/xtimelinefeed.cpp" line="+130"/>
        <source>This account is not an X account.</source>
        <translation>Dieses Konto ist kein X-Konto.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskComments</name>
    <message>
        <location filename="../src/connectors/zendesk/zendeskcomments.cpp" line="+35"/>
        <source>Zendesk&apos;s answer to the new comment is not a ticket.</source>
        <translation>Die Antwort von Zendesk auf den neuen Kommentar ist kein Ticket.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the comment</source>
        <translation>den Kommentar</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskConnector</name>
    <message>
        <location filename="../src/connectors/zendesk/zendeskconnector.cpp" line="+47"/>
        <source>Zendesk did not recognise these credentials.</source>
        <translation>Zendesk hat diese Zugangsdaten nicht erkannt.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskHelpdesk</name>
    <message>
        <location filename="../src/connectors/zendesk/zendeskhelpdesk.cpp" line="+92"/>
        <source>Zendesk pointed the next page at another server.</source>
        <translation>Zendesk hat für die nächste Seite auf einen anderen Server verwiesen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zendesk kept sending more pages.</source>
        <translation>Zendesk hat immer weitere Seiten gesendet.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Nothing to change on the ticket.</source>
        <translation>Am Ticket gibt es nichts zu ändern.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Someone changed this ticket in Zendesk since it was loaded; nothing was changed. Look at the ticket as it is now and apply again.</source>
        <translation>Jemand hat dieses Ticket in Zendesk geändert, seit es geladen wurde; es wurde nichts geändert. Sehen Sie sich den aktuellen Stand des Tickets an und übernehmen Sie die Änderungen erneut.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskMapper</name>
    <message>
        <location filename="../src/connectors/zendesk/zendeskfields.cpp" line="+43"/>
        <source>Zendesk sent a %1 whose &quot;%2&quot; is not %3.</source>
        <translation>Zendesk hat einen Datensatz „%1“ gesendet, dessen Feld „%2“ nicht %3 ist.</translation>
    </message>
    <message>
        <location filename="../src/connectors/zendesk/zendeskmapper.cpp" line="+22"/>
        <source>Zendesk answered without the list &quot;%1&quot;.</source>
        <translation>Zendesk hat ohne die Liste „%1“ geantwortet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Zendesk sent a list entry that is not a record.</source>
        <translation>Zendesk hat einen Listeneintrag gesendet, der kein Datensatz ist.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskSyncEngine</name>
    <message>
        <location filename="../src/sync/zendesksyncengine.cpp" line="+45"/>
        <source>The sync was cancelled; what was stored is kept.</source>
        <translation>Die Synchronisation wurde abgebrochen; bereits Gespeichertes bleibt erhalten.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Organizations…</source>
        <translation>Organisationen…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tickets: %1 so far…</source>
        <translation>Tickets: bisher %1…</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Views…</source>
        <translation>Ansichten…</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskSyncService</name>
    <message>
        <location filename="../src/sync/zendesksyncservice.cpp" line="+21"/>
        <source>This account is not a Zendesk account.</source>
        <translation>Dieses Konto ist kein Zendesk-Konto.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Full ticket sync</source>
        <translation>Vollständige Ticket-Synchronisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket sync</source>
        <translation>Ticket-Synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full ticket sync: %1</source>
        <translation>Vollständige Ticket-Synchronisation: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket sync: %1</source>
        <translation>Ticket-Synchronisation: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The account changed meanwhile.</source>
        <translation>Das Konto hat sich inzwischen geändert.</translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskUploads</name>
    <message>
        <location filename="../src/connectors/zendesk/zendeskuploads.cpp" line="+51"/>
        <source>Zendesk accepted the file but returned no upload token.</source>
        <translation>Zendesk hat die Datei angenommen, aber kein Upload-Token zurückgegeben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Zendesk refused %1: the file is larger than the account allows.</source>
        <translation>Zendesk hat %1 abgelehnt: Die Datei ist größer, als das Konto erlaubt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zendesk refused %1 as invalid: %2</source>
        <translation>Zendesk hat %1 als ungültig abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zendesk answered the upload with HTTP %1.</source>
        <translation>Zendesk hat auf den Upload mit HTTP %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/sync/jobcontrol.cpp" line="+108"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.ui" line="+6"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/workbenchoptions.cpp" line="+11"/>
        <source>AssetDesk: DAM libraries, X accounts, CRM cases and helpdesk tickets in one window.</source>
        <translation>AssetDesk: DAM-Bibliotheken, X-Konten, CRM-Fälle und Helpdesk-Tickets in einem Fenster.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workspace to open: a SQLite file or a postgresql:// URL (default: $ASSETDESK_WORKSPACE, else the local workspace).</source>
        <translation>Zu öffnender Arbeitsbereich: eine SQLite-Datei oder eine postgresql://-URL (Standard: $ASSETDESK_WORKSPACE, sonst der lokale Arbeitsbereich).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the local sandbox even if accounts are configured.</source>
        <translation>Die lokale Sandbox auch dann anzeigen, wenn Konten eingerichtet sind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never start the local sandbox.</source>
        <translation>Die lokale Sandbox nie starten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the sandbox&apos;s demo data.</source>
        <translation>Seed für die Demodaten der Sandbox.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of demo assets in the sandbox.</source>
        <translation>Anzahl der Demo-Assets in der Sandbox.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Path of assetdesk-sandbox (default: next to AssetDesk).</source>
        <translation>Pfad zu assetdesk-sandbox (Standard: neben AssetDesk).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Let the sandbox&apos;s PhotoShelter add a new upload to a gallery (its id, name or number from 0) every few seconds, as at a live event.</source>
        <translation>Das PhotoShelter der Sandbox alle paar Sekunden einen neuen Upload zu einer Galerie hinzufügen lassen (ihre ID, ihr Name oder ihre Nummer ab 0), wie bei einem Live-Event.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--sandbox and --no-sandbox exclude each other.</source>
        <translation>--sandbox und --no-sandbox schließen sich gegenseitig aus.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--sandbox-seed needs a whole number.</source>
        <translation>--sandbox-seed erwartet eine ganze Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--sandbox-size needs a positive number.</source>
        <translation>--sandbox-size erwartet eine positive Zahl.</translation>
    </message>
    <message>
        <location filename="../src/cli/main.cpp" line="+33"/>
        <source>Usage: assetdesk-cli [--workspace URL] [--json] COMMAND [ARGUMENTS]</source>
        <translation>Aufruf: assetdesk-cli [--workspace URL] [--json] BEFEHL [ARGUMENTE]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AssetDesk without a window: the same workspace, accounts and keyring as the workbench.</source>
        <translation>AssetDesk ohne Fenster: derselbe Arbeitsbereich, dieselben Konten und derselbe Schlüsselbund wie in der Arbeitsoberfläche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  --workspace URL   SQLite file or postgresql://user@host:port/db URL (default: $ASSETDESK_WORKSPACE,</source>
        <translation>  --workspace URL   SQLite-Datei oder postgresql://user@host:port/db-URL (Vorgabe: $ASSETDESK_WORKSPACE,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>                    else the local workspace). Keep PostgreSQL passwords in ~/.pgpass.</source>
        <translation>                    sonst der lokale Arbeitsbereich). PostgreSQL-Passwörter gehören in ~/.pgpass.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  --json            Print results as JSON</source>
        <translation>  --json            Ergebnisse als JSON ausgeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  --verbose         Log what happens (requests, storage) on standard error</source>
        <translation>  --verbose         Abläufe (Anfragen, Speicher) auf der Standardfehlerausgabe protokollieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  -h, --help        Show this help</source>
        <translation>  -h, --help        Diese Hilfe anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  -v, --version     Show the version</source>
        <translation>  -v, --version     Die Version anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Unknown option %1. See assetdesk-cli --help.</source>
        <translation>Unbekannte Option %1. Siehe assetdesk-cli --help.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown command %1. See assetdesk-cli --help.</source>
        <translation>Unbekannter Befehl %1. Siehe assetdesk-cli --help.</translation>
    </message>
</context>
</TS>
