-- Files and folders sort by a stored key (lib/names/sort-key.ts): case-insensitive, accents
-- beside their base letter, numbers in numeric order. SQL cannot compute it (Unicode
-- decomposition, case folding), so existing rows start with '' and the server's start fills
-- them in (lib/names/fill-sort-names.ts); new and renamed rows get it as they are written.
ALTER TABLE "File" ADD COLUMN "sortName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Folder" ADD COLUMN "sortName" TEXT NOT NULL DEFAULT '';

-- The name indexes served the keyset queries; the key's indexes (with the id that breaks ties) do now.
DROP INDEX "File_ownerId_folderId_name_idx";
DROP INDEX "Folder_ownerId_parentId_name_idx";
CREATE INDEX "File_ownerId_folderId_sortName_id_idx" ON "File"("ownerId", "folderId", "sortName", "id");
CREATE INDEX "Folder_ownerId_parentId_sortName_id_idx" ON "Folder"("ownerId", "parentId", "sortName", "id");
