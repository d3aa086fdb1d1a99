-- Names lose every bidirectional formatting character, as lib/validation/bidi.ts now strips
-- them on input: embeddings and overrides (U+202A-U+202E, char 8234-8238), isolates
-- (U+2066-U+2069, char 8294-8297) and marks (U+200E, U+200F, U+061C: char 8206, 8207, 1564).
-- "invoice<U+202E>fdp.exe" displayed as "invoiceexe.pdf". Messages, and mail not yet sent,
-- lose the embeddings, overrides and isolates. Only rows that change are written.

-- Names
UPDATE "File" SET "name" = cleaned.value
FROM (
  SELECT "id", trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("name",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''),
      char(8206), ''), char(8207), ''), char(1564), '')) AS value
  FROM "File"
) AS cleaned
WHERE cleaned."id" = "File"."id" AND cleaned.value <> "File"."name";

UPDATE "File" SET "uploadedBy" = cleaned.value
FROM (
  SELECT "id", trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("uploadedBy",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''),
      char(8206), ''), char(8207), ''), char(1564), '')) AS value
  FROM "File"
) AS cleaned
WHERE cleaned."id" = "File"."id" AND cleaned.value <> "File"."uploadedBy";

UPDATE "Folder" SET "name" = cleaned.value
FROM (
  SELECT "id", trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("name",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''),
      char(8206), ''), char(8207), ''), char(1564), '')) AS value
  FROM "Folder"
) AS cleaned
WHERE cleaned."id" = "Folder"."id" AND cleaned.value <> "Folder"."name";

UPDATE "UploadRequest" SET "title" = cleaned.value
FROM (
  SELECT "id", trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''),
      char(8206), ''), char(8207), ''), char(1564), '')) AS value
  FROM "UploadRequest"
) AS cleaned
WHERE cleaned."id" = "UploadRequest"."id" AND cleaned.value <> "UploadRequest"."title";

UPDATE "Share" SET "title" = cleaned.value
FROM (
  SELECT "id", trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("title",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), ''),
      char(8206), ''), char(8207), ''), char(1564), '')) AS value
  FROM "Share"
) AS cleaned
WHERE cleaned."id" = "Share"."id" AND cleaned.value <> "Share"."title";

-- A name that was nothing but those characters.
UPDATE "File" SET "name" = 'unnamed' WHERE "name" = '';
UPDATE "Folder" SET "name" = 'unnamed' WHERE "name" = '';
UPDATE "UploadRequest" SET "title" = 'unnamed' WHERE "title" = '';
UPDATE "File" SET "uploadedBy" = NULL WHERE "uploadedBy" = '';
UPDATE "Share" SET "title" = NULL WHERE "title" = '';

-- Free text, and mail still waiting to be sent
UPDATE "Share" SET "message" = cleaned.value
FROM (
  SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace("message",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), '') AS value
  FROM "Share"
) AS cleaned
WHERE cleaned."id" = "Share"."id" AND cleaned.value <> "Share"."message";

UPDATE "UploadRequest" SET "message" = cleaned.value
FROM (
  SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace("message",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), '') AS value
  FROM "UploadRequest"
) AS cleaned
WHERE cleaned."id" = "UploadRequest"."id" AND cleaned.value <> "UploadRequest"."message";

UPDATE "FolderRule" SET "message" = cleaned.value
FROM (
  SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace("message",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), '') AS value
  FROM "FolderRule"
) AS cleaned
WHERE cleaned."id" = "FolderRule"."id" AND cleaned.value <> "FolderRule"."message";

UPDATE "EmailOutbox" SET "subject" = cleaned.value
FROM (
  SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace("subject",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), '') AS value
  FROM "EmailOutbox"
  WHERE "status" IN ('queued', 'sending')
) AS cleaned
WHERE cleaned."id" = "EmailOutbox"."id" AND cleaned.value <> "EmailOutbox"."subject";

UPDATE "EmailOutbox" SET "text" = cleaned.value
FROM (
  SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace("text",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), '') AS value
  FROM "EmailOutbox"
  WHERE "status" IN ('queued', 'sending')
) AS cleaned
WHERE cleaned."id" = "EmailOutbox"."id" AND cleaned.value <> "EmailOutbox"."text";

UPDATE "EmailOutbox" SET "html" = cleaned.value
FROM (
  SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace("html",
      char(8234), ''), char(8235), ''), char(8236), ''), char(8237), ''), char(8238), ''),
      char(8294), ''), char(8295), ''), char(8296), ''), char(8297), '') AS value
  FROM "EmailOutbox"
  WHERE "status" IN ('queued', 'sending')
) AS cleaned
WHERE cleaned."id" = "EmailOutbox"."id" AND cleaned.value <> "EmailOutbox"."html";
