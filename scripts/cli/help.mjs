// `handoff help [COMMAND]`: examples first (clig.dev), then the flags, then the exit codes.

const EXIT_CODES = `Exit codes:
  0  done
  1  failure: network, the server or the bucket (run it again; uploads resume)
  2  usage or invalid input: unknown flag, missing file, a value the server refuses
  3  not signed in, or the token was refused (run handoff login, or check HANDOFF_TOKEN)
  4  not found: no such file, folder, share or request (or not yours)
  5  limit or conflict: over the size or quota, a revoked share, too many requests`;

const OVERVIEW = `handoff: upload and share files on a Handoff server, from a terminal or a job.

Examples:
  handoff login --url https://handoff.example.com
  handoff share q3-report.pdf --to cfo@client.com --to audit@client.com --expires 30d --message-file note.txt
  handoff upload *.csv --folder Reports/2026
  handoff share show SHARE_ID
  handoff share 'source:Acme reports/2026/q3.pdf' --to cfo@client.com

Commands:
  login --url URL          sign in with a token (Settings → API tokens), read from stdin or a prompt
  logout                   forget the saved token
  whoami                   who the token belongs to
  ls [PATH|ID]             list a folder (Reports/2026) or the top level
  ls source:NAME/PATH      list a folder of a storage source, live from its bucket (--all, --after)
  sources                  the storage sources (buckets, prefixes) mounted for you
  upload FILE...           upload files (--folder PATH, made when missing)
  share FILE-OR-ID...      upload local files, share them, email each --to recipient a link
  share show ID            a share's recipients: delivery, opened, downloads
  shares                   list your shares
  revoke ID                revoke a share: every link stops working
  rm ID                    delete a file
  presign FILE-OR-ID       a direct bucket link (--expires-in SECONDS), like aws s3 presign
  request create           an upload request: a link others upload to
  help [COMMAND]           this, or one command's details

Every command takes --json (one JSON document on stdout, and a JSON error object on failure).
Sign-in: HANDOFF_URL and HANDOFF_TOKEN override the config file ($XDG_CONFIG_HOME/handoff/config.json,
else ~/.config/handoff/config.json, mode 0600) that handoff login writes.
A FILE-OR-ID that exists on disk is uploaded first; source:NAME-OR-ID/PATH is an object of a storage
source, shared where it is (never copied); anything else is taken as a file id.

${EXIT_CODES}`;

const COMMANDS = {
  login: `handoff login --url URL

  Reads a personal access token from stdin (echo "$TOKEN" | handoff login --url URL) or asks for it
  without echo, checks it with the server, and saves URL and token in the config file (mode 0600).`,
  logout: `handoff logout

  Removes the saved token. Revoke the token itself in Settings → API tokens.`,
  whoami: `handoff whoami [--json]

  The account and token in use, and where the token came from (HANDOFF_TOKEN or the config file).`,
  ls: `handoff ls [PATH|FOLDER_ID] [--json]
handoff ls source:NAME-OR-ID/[PATH] [--all | --after CURSOR] [--limit N] [--json]

  handoff ls                  the top level
  handoff ls Reports/2026     a folder by path
  handoff ls 'source:Acme reports/2026/' --all

  A source's folder is listed live from its bucket, one page (--limit N entries, default 100, at
  most 1000) at a time: the next page's cursor is printed on stderr (in --json, as "next"); pass it
  to --after, or take every page with --all.`,
  sources: `handoff sources [--json]

  The storage sources mounted for you: id, name, read-only or read-write, and the bucket and prefix
  each shows you. Name one as source:NAME-OR-ID/PATH in ls, share and presign.`,
  upload: `handoff upload FILE... [--folder PATH] [--parallel N] [--json]

  handoff upload export.csv --folder Reports/2026

  Sends each file straight to the bucket; large files go in parts, N at a time (default 4). If a run
  is interrupted, running the same command again sends only the parts that are missing. A progress
  bar is drawn on stderr when it is a terminal, never in cron or CI. A file uploaded before and not
  changed since is not sent again.`,
  share: `handoff share FILE-OR-ID... [--to EMAIL]... [--expires 1h|1d|7d|30d|DATE] [--message-file F]
               [--password-stdin] [--max-downloads N] [--available-from DATE] [--notify] [--json]
handoff share show ID [--json]

  handoff share q3-report.pdf --to cfo@client.com --to audit@client.com --expires 30d --message-file note.txt
  pass show handoff/q3 | handoff share q3.zip --to cfo@client.com --password-stdin --max-downloads 3

  handoff share 'source:Acme reports/2026/q3.pdf' --to cfo@client.com --expires 7d

  Uploads local files, makes one share of them, emails each recipient a link of their own, and prints
  the share's link and each recipient's delivery state. DATE is 2026-12-31 (through that day, UTC) or
  an ISO time. Running the same command again (a retried job) gives back the same share and emails
  nobody twice. If the server refuses the share, the files this run uploaded are deleted again.
  An object of a storage source (source:NAME-OR-ID/PATH) is shared where it is, never copied: if it
  is deleted or replaced in the bucket, its links say it was removed.
  share show: each recipient's delivery (queued, sent, failed), first open and downloads.`,
  shares: `handoff shares [--json]

  Your shares, newest first.`,
  revoke: `handoff revoke SHARE_ID [--json]`,
  rm: `handoff rm FILE_ID [--json]`,
  presign: `handoff presign FILE-OR-ID --expires-in SECONDS [--json]

  A presigned bucket URL that works for SECONDS (1 to 604800, 7 days) for anyone who has it and
  cannot be revoked; it is recorded on the file. Prefer a share where you can.`,
  request: `handoff request create --title T [--expires 1d|7d|30d|DATE] [--message-file F] [--max-files N]
               [--max-file-size 100MB] [--types .pdf,.csv] [--folder PATH] [--password-stdin] [--json]

  Prints the link to send to whoever should upload; their files arrive in --folder (made when missing).`,
};

export function helpText(command) {
  const text = COMMANDS[command?.split(' ')[0]];
  return text ? `${text}\n\n${EXIT_CODES}` : OVERVIEW;
}

export const isCommand = (name) => Object.hasOwn(COMMANDS, name);
