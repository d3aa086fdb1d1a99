-- Files sort by the kind they show ("Word document"), not by their MIME type: each file keeps its
-- kind code (lib/files/kind.ts). The code comes from the type and the name's extension, which SQL
-- cannot work out the same way, so existing rows start with '' and the server's start fills them
-- in (lib/files/fill-kinds.ts); new and renamed files get theirs as they are written.
ALTER TABLE "File" ADD COLUMN "kind" TEXT NOT NULL DEFAULT '';
