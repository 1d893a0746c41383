-- The audit log is append-only: rows are inserted, never changed or removed. The one exception is
-- the narrative retention purge, which runs SELECT set_config('app.audit_purge', 'on', true) in
-- its transaction and may then only replace text values inside "before" and "after" with
-- "[purged]": every metadata column (who, when, what, which activity) and every key stay.
--
-- No semicolon may appear inside a statement here: the PostgreSQL driver adapter splits
-- migration scripts on them. So the check is one SQL expression, and the trigger body (PL/pgSQL
-- needs semicolons) is an escape string that writes each one as \073.

-- True when "redacted" is "original" with some top-level text values replaced by "[purged]".
CREATE OR REPLACE FUNCTION audit_is_redaction(original jsonb, redacted jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT original IS NOT DISTINCT FROM redacted OR (
    jsonb_typeof(original) = 'object' AND jsonb_typeof(redacted) = 'object'
    AND (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(original) k)
      = (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(redacted) k)
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each(original) o JOIN jsonb_each(redacted) r USING (key)
      WHERE o.value <> r.value
        AND NOT (jsonb_typeof(o.value) = 'string' AND r.value = '"[purged]"'::jsonb)
    )
  )
$$;

CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE''
     AND coalesce(current_setting(''app.audit_purge'', true), '''') = ''on''
     AND NEW."id" = OLD."id"
     AND NEW."partnershipId" IS NOT DISTINCT FROM OLD."partnershipId"
     AND NEW."at" = OLD."at"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."actorLabel" IS NOT DISTINCT FROM OLD."actorLabel"
     AND NEW."action" = OLD."action"
     AND NEW."entity" = OLD."entity"
     AND NEW."entityId" = OLD."entityId"
     AND NEW."entityRef" IS NOT DISTINCT FROM OLD."entityRef"
     AND NEW."sourceActivityId" IS NOT DISTINCT FROM OLD."sourceActivityId"
     AND audit_is_redaction(OLD."before", NEW."before")
     AND audit_is_redaction(OLD."after", NEW."after") THEN
    RETURN NEW\073
  END IF\073
  RAISE EXCEPTION ''The audit log is append-only: % of "AuditEntry" refused'', TG_OP
    USING ERRCODE = ''insufficient_privilege''\073
END
';

CREATE OR REPLACE FUNCTION audit_entry_no_truncate() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''The audit log is append-only: TRUNCATE of "AuditEntry" refused''
    USING ERRCODE = ''insufficient_privilege''\073
END
';

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_no_truncate();
