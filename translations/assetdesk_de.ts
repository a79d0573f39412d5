<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountEditDialog</name>
    <message>
        <location filename="../ui/accounteditdialog.ui" line="+6"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How this account appears in AssetDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in &amp;method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, e.g. DACH or Japan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../ui/accountspage.ui" line="+11"/>
        <source>Connections to your services. Keys and tokens are kept in your desktop&apos;s keyring, never in AssetDesk&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk</name>
    <message>
        <location filename="../src/core/serviceauthprofile.cpp" line="+17"/>
        <source>https://www.photoshelter.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key and PhotoShelter login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Organization ID (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Sign in with the browser (OAuth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+6"/>
        <location line="+10"/>
        <source>OAuth client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>https://app.iconik.io or https://eu.iconik.io</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>App ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Auth token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://api.x.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Sign in with the browser (OAuth 2.0 + PKCE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>https://&lt;environment&gt;.crm.dynamics.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application user (client credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://&lt;subdomain&gt;.zendesk.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email and API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agent email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Subdomain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/httpresponse.cpp" line="+18"/>
        <source>the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 answered with HTTP status %2 instead of data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a web page (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected JSON from %1 but received %2; a proxy, login page or maintenance page may have answered instead of the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected JSON from %1 but the response was empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The JSON from %1 ends early (%2 bytes); the response was probably cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON from %1 is malformed at byte %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/connectors/sandboxmanifest.cpp" line="+36"/>
        <source>PhotoShelter demo library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>iconik demo library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Dynamics 365 demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Zendesk demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountEditDialog</name>
    <message>
        <location filename="../src/widgets/accounteditdialog.cpp" line="+30"/>
        <source>Edit Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Unchanged (stored in the keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>After you save, AssetDesk opens your browser so you can sign in. The tokens it receives are kept in your keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key is stored in your desktop&apos;s keyring, never in AssetDesk&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save and Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The address must be a web address such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+2"/>
        <source>Enter the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Enter the %1 or the full address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connected as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountService</name>
    <message>
        <location filename="../src/sync/accountservice.cpp" line="+147"/>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connected as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The account changed meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for the sign-in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in; checking the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Test connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountsCommand</name>
    <message>
        <location filename="../src/cli/accountscommand.cpp" line="+44"/>
        <source>Add, test, sign in and remove service accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accounts list       List the configured accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accounts add        Add an account: --service ID [--name N] [--method M] [--base-url URL]
                    [--login L] [--organization O] [--region R] [--secret-stdin]
                    Secrets are read from standard input (--secret-stdin: the key on the
                    first line, a password on the second) or asked for with echo off;
                    never from the command line. They are stored in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>accounts test       Test accounts: ID|NAME... or --all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accounts sign-in    Sign an OAuth account in through the browser: ID|NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accounts remove     Remove accounts and their keys: ID|NAME...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>usage: assetdesk-cli accounts list | add | test | sign-in | remove (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No account is configured. Add one with `assetdesk-cli accounts add`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+42"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+46"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Signed in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The %1 is needed: pass --secret-stdin and write it on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Service id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read secrets from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected arguments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--service must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--method for %1 must be one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--login is needed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--organization is needed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--organization (%1) or --base-url is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving the account timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Added account %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in did not finish; run `assetdesk-cli accounts sign-in %1` to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No account is called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ok      %1 (%2): connected as %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FAILED  %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>usage: assetdesk-cli accounts test ID|NAME... | --all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>usage: assetdesk-cli accounts sign-in ID|NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>usage: assetdesk-cli accounts remove ID|NAME...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Removed account %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountsModel</name>
    <message>
        <location filename="../src/models/accountsmodel.cpp" line="+27"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Not tested this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::AccountsPage</name>
    <message>
        <location filename="../src/widgets/accountspage.cpp" line="+38"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+12"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove “%1”? Its keys are deleted from the keyring and its cached content from this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the sign-in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::CliContext</name>
    <message>
        <location filename="../src/cli/clicontext.cpp" line="+63"/>
        <source>Open this address in your browser to sign in:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::ConnectorPool</name>
    <message>
        <location filename="../src/sync/connectorpool.cpp" line="+61"/>
        <source>This account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The key of “%1” is not in the keyring. Edit the account in Settings → Accounts to enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::ConnectorRegistry</name>
    <message>
        <location filename="../src/connectors/connectorregistry.cpp" line="+51"/>
        <source>AssetDesk cannot talk to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::DbCommand</name>
    <message>
        <location filename="../src/cli/dbcommand.cpp" line="+31"/>
        <source>Create, upgrade and check the workspace database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>db migrate          Create the workspace or apply its pending migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>db check            Report schema version, pending migrations, integrity and search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>usage: assetdesk-cli db migrate | db check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Created the workspace %1 at schema %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The workspace %1 is up to date (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upgraded the workspace %1 from schema %2 to %3:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (this build knows up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>consistent (%1 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inconsistent (%1 rows for %2 assets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run `assetdesk-cli db migrate` to apply the pending migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: migration %1 was applied from a different file than this build has.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::DynamicsConnector</name>
    <message>
        <location filename="../src/connectors/dynamics/dynamicsconnector.cpp" line="+70"/>
        <source>The client secret is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Application user %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::HttpCall</name>
    <message>
        <location filename="../src/net/httpcall.cpp" line="+234"/>
        <source>redirect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Retrying in %1 s (attempt %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::HttpErrorClassifier</name>
    <message>
        <location filename="../src/net/httperrorclassifier.cpp" line="+50"/>
        <source>%1 did not accept the credentials (HTTP 401). Sign in again or check the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is limiting how often AssetDesk may call it (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answered with a redirect (HTTP %2) that was not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The secure connection to %1 failed: %2. AssetDesk never ignores certificate errors; check the system clock, any proxy, or the server&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 did not answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not find %1; check the address and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to %1 closed before an answer arrived. The request was not sent again, because it may already have taken effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The response from %1 would be %2, over the %3 limit; it was not downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The response from %1 is larger than the %2 limit; stopped after %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Too many redirects from %1 (more than %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 redirected to an insecure or invalid address; the redirect was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot send a request to “%1”: not an http(s) address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::HttpResponse</name>
    <message>
        <location filename="../src/net/httpresponse.cpp" line="+55"/>
        <source>Expected a JSON object from %1 but received a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Expected a JSON list from %1 but received an object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::JobRunner</name>
    <message>
        <location filename="../src/sync/jobrunner.cpp" line="+69"/>
        <source>Cancelled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The component that runs this job is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The component running this job closed before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::JobsModel</name>
    <message>
        <location filename="../src/models/jobsmodel.cpp" line="+27"/>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::JobsPane</name>
    <message>
        <location filename="../src/widgets/jobspane.cpp" line="+45"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the selected failed job again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs (%1 running, %2 failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs (%1 running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs (%1 failed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::JsonReader</name>
    <message>
        <location filename="../src/connectors/jsonreader.cpp" line="+27"/>
        <source>%1 answered without the expected %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::KeychainSecretStore</name>
    <message>
        <location filename="../src/net/keychainsecretstore.cpp" line="+30"/>
        <source>No saved credentials were found in the keyring for %1. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Access to the keyring was declined. Allow AssetDesk to use the keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keyring refused access; it may be locked. Unlock your keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This system has no keyring AssetDesk can use to keep credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keyring could not delete the saved credentials (%1). Remove the entry &quot;%2&quot; with your keyring manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keyring has no unlocked default collection (the &quot;login&quot; keyring). Open your keyring manager, unlock or create it, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keyring failed: %1. Check that your desktop&apos;s keyring is running and unlocked, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No keyring is available (Secret Service not running). Start your desktop&apos;s keyring (e.g. gnome-keyring) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The keyring did not answer within %1 s. Check that it is running and unlocked (it may be waiting for a password prompt), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The keyring did not answer within %1 s, so the credentials were not saved. Check that it is running and unlocked, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keyring did not answer within %1 s, so the credentials were not removed. Check that it is running and unlocked, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::MainWindow</name>
    <message>
        <location filename="../src/widgets/mainwindow.cpp" line="+21"/>
        <source>AssetDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AssetDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::MemorySecretVault</name>
    <message>
        <location filename="../src/net/memorysecretvault.cpp" line="+10"/>
        <source>No saved credentials for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::OAuthAuthorizationFlow</name>
    <message>
        <location filename="../src/net/oauthauthorizationflow.cpp" line="+55"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 sign-in was not completed in the browser within %2; start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not open a local port on 127.0.0.1 to receive the %1 sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AssetDesk received the %1 sign-in. You can close this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The sign-in answer did not match this request (state mismatch); nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The %1 sign-in was declined in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 refused the sign-in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The %1 sign-in answer carried no authorization code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::OAuthTokenEndpoint</name>
    <message>
        <location filename="../src/net/oauthtokenendpoint.cpp" line="+52"/>
        <source>%1 refused the sign-in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 answered the sign-in without an access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The %1 sign-in cannot be renewed (no refresh token); sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 needs a client secret to sign in as an application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 has no token revocation address configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::OAuthTokenProvider</name>
    <message>
        <location filename="../src/net/oauthtokenprovider.cpp" line="+57"/>
        <location line="+15"/>
        <source>The token endpoint is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The %1 sign-in was renewed without an access token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::Pager</name>
    <message>
        <location filename="../src/net/pager.cpp" line="+22"/>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The service sent a page link it had already sent (after page %1); stopped to avoid an endless loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The list did not end after %1 pages; stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::Paging</name>
    <message>
        <location filename="../src/net/cursorpaging.cpp" line="+62"/>
        <location filename="../src/net/pagenumberpaging.cpp" line="+63"/>
        <source>The page has no item list at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The page cursor at %1 is not a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/nextlinkpaging.cpp" line="+71"/>
        <source>The next-page link at %1 is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The next-page link points to another host (%1); it was not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/net/pagenumberpaging.cpp" line="+18"/>
        <source>The page says neither how many pages there are nor holds an item list; cannot tell where the list ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::PhotoShelterConnector</name>
    <message>
        <location filename="../src/connectors/photoshelter/photoshelterconnector.cpp" line="+69"/>
        <source>PhotoShelter needs the account&apos;s email and password to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The PhotoShelter API key is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::RateBudget</name>
    <message>
        <location filename="../src/net/ratebudget.cpp" line="+56"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting %1 for the %2 rate limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::SandboxManifest</name>
    <message>
        <location filename="../src/connectors/sandboxmanifest.cpp" line="+13"/>
        <source>The sandbox did not describe its services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The sandbox offers no service this version of AssetDesk knows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::SandboxProcess</name>
    <message>
        <location filename="../src/connectors/sandboxprocess.cpp" line="+26"/>
        <source>The local sandbox did not start within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The local sandbox (assetdesk-sandbox) is not installed next to AssetDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The local sandbox could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The local sandbox printed something unexpected instead of its services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The local sandbox stopped unexpectedly (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local sandbox ended before it was ready (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::SecretPrompt</name>
    <message numerus="yes">
        <location filename="../src/cli/secretprompt.cpp" line="+45"/>
        <source>Expected %n secret line(s) on standard input.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing was entered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::ServiceConnector</name>
    <message>
        <location filename="../src/connectors/serviceconnector.cpp" line="+46"/>
        <source>This %1 account signs in with a key, not through the browser.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::ServicePane</name>
    <message>
        <location filename="../src/widgets/servicepane.cpp" line="+20"/>
        <source>No DAM library is connected. Add a PhotoShelter or iconik account to browse its assets here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No X account is connected. Add one to publish approved assets and follow how they do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Dynamics 365 environment is connected. Add one to see accounts, cases and campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Zendesk account is connected. Add one to work on tickets beside your assets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 (%2 offline)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::Workbench</name>
    <message>
        <location filename="../src/app/workbench.cpp" line="+102"/>
        <source>Opening the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helpdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alt+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alt+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The workspace could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your account is saved. Restart AssetDesk to leave the sandbox and use your own accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starting the local sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sandbox unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AssetDesk is closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n demo account(s) ready</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The sandbox workspace could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sandbox&apos;s demo accounts could not be set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Local sandbox · demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No account is configured, so AssetDesk shows its built-in sandbox: local emulators of PhotoShelter, iconik, X, Dynamics 365 and Zendesk with demo content (seed %1). Add your own accounts in Settings → Accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Showing the local sandbox: no account is configured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The workspace is still opening; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AssetDesk is showing the local sandbox because no account is configured. The accounts you add here are your own; restart AssetDesk to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About AssetDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;AssetDesk %1&lt;/h3&gt;&lt;p&gt;DAM libraries beside X accounts, CRM cases and helpdesk tickets, in one window.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::XConnector</name>
    <message>
        <location filename="../src/connectors/x/xconnector.cpp" line="+44"/>
        <source>This X account is not signed in yet. Use “Sign In…”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetDesk::ZendeskConnector</name>
    <message>
        <location filename="../src/connectors/zendesk/zendeskconnector.cpp" line="+45"/>
        <source>Zendesk did not recognise these credentials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/sync/jobcontrol.cpp" line="+103"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.ui" line="+6"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/workbenchoptions.cpp" line="+11"/>
        <source>AssetDesk: DAM libraries, X accounts, CRM cases and helpdesk tickets in one window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workspace to open: a SQLite file or a postgresql:// URL (default: $ASSETDESK_WORKSPACE, else the local workspace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the local sandbox even if accounts are configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never start the local sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the sandbox&apos;s demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of demo assets in the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Path of assetdesk-sandbox (default: next to AssetDesk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--sandbox and --no-sandbox exclude each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--sandbox-seed needs a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--sandbox-size needs a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
