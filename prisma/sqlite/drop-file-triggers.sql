-- See file-triggers.sql: run before a migration rebuilds "File" or "Usage".
DROP TRIGGER IF EXISTS "File_usage_insert";
DROP TRIGGER IF EXISTS "File_usage_delete";
DROP TRIGGER IF EXISTS "File_usage_update";
DROP TRIGGER IF EXISTS "File_search_insert";
DROP TRIGGER IF EXISTS "File_search_delete";
DROP TRIGGER IF EXISTS "File_search_rename";
