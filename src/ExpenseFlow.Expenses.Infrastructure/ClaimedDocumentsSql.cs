namespace ExpenseFlow.Expenses.Infrastructure;

/// <summary>
/// SQL of the migration that moved claimed invoices to canonical keys and added claimed receipt files. Kept here so a
/// test can hold the PL/pgSQL key function to the C# one (InvoiceIdentity.Read) over the same inputs.
/// </summary>
public static class ClaimedDocumentsSql
{
    /// <summary>
    /// InvoiceIdentity.Read in PL/pgSQL, created in pg_temp so it lives only for the migration's session. It is exact
    /// for what the old keys hold (letters and digits of any script); the C# one also drops other separators.
    /// </summary>
    public const string KeyFunctions = """
        CREATE OR REPLACE FUNCTION pg_temp.ef_fold(v text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE s text;
        BEGIN
          IF v IS NULL THEN RETURN ''; END IF;
          s := upper(regexp_replace(normalize(v, NFKC), '[[:space:][:punct:]]', '', 'g'));
          IF s = '' THEN RETURN ''; END IF;
          IF s !~ '^[A-Z0-9]+$' THEN RETURN NULL; END IF;
          IF length(s) > 2 AND s ~ '^NO[0-9OI]+$' THEN s := substr(s, 3); END IF;
          IF s ~ '[0-9]' AND s ~ '^[0-9OI]+$' THEN s := translate(s, 'OI', '01'); END IF;
          IF length(s) > 32 THEN RETURN NULL; END IF;
          RETURN s;
        END $$;

        CREATE OR REPLACE FUNCTION pg_temp.ef_invoice_key(code text, number text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE n text; c text; sig text; csig text; t text;
        BEGIN
          n := pg_temp.ef_fold(number);
          IF n IS NULL OR n = '' THEN RETURN NULL; END IF;
          IF n !~ '^[0-9]+$' THEN RETURN 'S:' || n; END IF;
          c := pg_temp.ef_fold(code);
          sig := ltrim(n, '0');
          csig := CASE WHEN c ~ '^[0-9]+$' THEN ltrim(c, '0') END;
          IF length(sig) BETWEEN 10 AND 12 AND length(csig) BETWEEN 1 AND 8 THEN t := sig; sig := csig; csig := t; END IF;
          IF sig = '' THEN RETURN NULL; END IF;
          IF length(sig) > 20 THEN RETURN 'S:' || sig; END IF;
          IF length(sig) > 8 THEN RETURN 'I:' || lpad(sig, 20, '0'); END IF;
          IF csig IS NULL OR length(csig) NOT BETWEEN 10 AND 12 THEN RETURN NULL; END IF;
          RETURN 'I:' || lpad(csig, 12, '0') || lpad(sig, 8, '0');
        END $$;
        """;

    /// <summary>
    /// Re-keys rows stored under the old keys ("C:code:number", "N:number"). A traditional number claimed without its
    /// code keeps a key of its own, "N:" and 8 digits (new submits refuse such a number, or report it as a duplicate
    /// of an invoice claimed with that number). Rows that now share a key were the same invoice claimed twice before
    /// this change: the earliest keeps the key, each later one is kept as "key#line-id" so nothing is lost and the
    /// migration never fails; finance lists them with <c>WHERE invoice_key LIKE '%#%'</c>. Rows already in the new
    /// form (I:, S:) are left alone, so running it again changes nothing.
    /// </summary>
    public const string RekeyClaimedInvoices = """
        UPDATE expenses.claimed_invoices SET invoice_key = '~' || invoice_key WHERE invoice_key LIKE 'C:%' OR invoice_key LIKE 'N:%';
        WITH parsed AS (
            SELECT invoice_key AS tmp_key, line_id, claim_id, claimed_at, substr(invoice_key, 2) AS old_key,
                   CASE WHEN invoice_key LIKE '~C:%' THEN split_part(invoice_key, ':', 2) END AS code,
                   CASE WHEN invoice_key LIKE '~C:%' THEN split_part(invoice_key, ':', 3) ELSE substr(invoice_key, 4) END AS number
            FROM expenses.claimed_invoices WHERE invoice_key LIKE '~%'),
        keyed AS (
            SELECT p.*, coalesce(pg_temp.ef_invoice_key(code, number),
                   CASE WHEN code IS NULL AND pg_temp.ef_fold(number) ~ '^[0-9]+$' AND length(ltrim(pg_temp.ef_fold(number), '0')) BETWEEN 1 AND 8
                        THEN 'N:' || lpad(ltrim(pg_temp.ef_fold(number), '0'), 8, '0') ELSE old_key END) AS new_key
            FROM parsed p),
        ranked AS (
            SELECT k.*, row_number() OVER (PARTITION BY new_key ORDER BY claimed_at, claim_id) AS rn,
                   EXISTS (SELECT 1 FROM expenses.claimed_invoices x WHERE x.invoice_key = k.new_key) AS held
            FROM keyed k)
        UPDATE expenses.claimed_invoices ci
        SET invoice_key = CASE WHEN r.rn = 1 AND NOT r.held THEN r.new_key ELSE r.new_key || '#' || r.line_id END
        FROM ranked r WHERE ci.invoice_key = r.tmp_key;
        """;

    /// <summary>
    /// The files of claims already submitted and still live are claimed too, so the change does not open a window
    /// for them. Where two live claims already share a file, the earlier keeps it.
    /// </summary>
    public const string BackfillClaimedFiles = """
        INSERT INTO expenses.claimed_receipt_files (content_hash, claim_id, receipt_id, claimed_at)
        SELECT DISTINCT ON (r.content_hash) r.content_hash, c.id, r.id, coalesce(c.submitted_at, c.updated_at)
        FROM expenses.claims c
        JOIN expenses.claim_lines l ON l.claim_id = c.id
        JOIN expenses.receipts r ON r.id = ANY (l.receipt_ids)
        WHERE c.status IN ('Submitted', 'InApproval', 'Approved', 'Scheduled', 'Paid', 'Returned')
        ORDER BY r.content_hash, c.submitted_at NULLS LAST, c.id
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>
    /// A cancelled or rejected claim holds no invoice and no file: released in the same transaction as the status
    /// change, whichever code path makes it (the employee's cancel, an approver's rejection, a future one).
    /// </summary>
    public const string ReleaseTrigger = """
        CREATE FUNCTION expenses.claims_release_documents() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM expenses.claimed_invoices WHERE claim_id = NEW.id;
          DELETE FROM expenses.claimed_receipt_files WHERE claim_id = NEW.id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER claims_release_documents AFTER UPDATE OF status ON expenses.claims
        FOR EACH ROW WHEN (NEW.status IN ('Cancelled', 'Rejected') AND OLD.status IS DISTINCT FROM NEW.status)
        EXECUTE FUNCTION expenses.claims_release_documents();
        """;

    /// <summary>The release also drops the identities the claim only noted (see NotedIdentity).</summary>
    public const string ReleaseWithNotedIdentities = """
        CREATE OR REPLACE FUNCTION expenses.claims_release_documents() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM expenses.claimed_invoices WHERE claim_id = NEW.id;
          DELETE FROM expenses.claimed_receipt_files WHERE claim_id = NEW.id;
          DELETE FROM expenses.noted_identities WHERE claim_id = NEW.id;
          RETURN NULL;
        END $$;
        """;

    /// <summary>The release as it was before noted identities.</summary>
    public const string ReleaseWithoutNotedIdentities = """
        CREATE OR REPLACE FUNCTION expenses.claims_release_documents() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM expenses.claimed_invoices WHERE claim_id = NEW.id;
          DELETE FROM expenses.claimed_receipt_files WHERE claim_id = NEW.id;
          RETURN NULL;
        END $$;
        """;

    public const string DropReleaseTrigger =
        "DROP TRIGGER IF EXISTS claims_release_documents ON expenses.claims; DROP FUNCTION IF EXISTS expenses.claims_release_documents();";

    public const string DropKeyFunctions =
        "DROP FUNCTION IF EXISTS pg_temp.ef_invoice_key(text, text); DROP FUNCTION IF EXISTS pg_temp.ef_fold(text);";
}
