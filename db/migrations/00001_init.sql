-- +goose Up
-- Accounts, sessions, the double-entry ledger, loans and their satellites.
-- Money is BIGINT minor units everywhere.

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL,
    full_name     text NOT NULL,
    password_hash text NOT NULL,
    role          text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_created_idx ON users (created_at DESC, id DESC);

-- A session backs every access token (sid claim), so logout and
-- deactivation take effect on the next request.
CREATE TABLE sessions (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    user_agent text NOT NULL DEFAULT '',
    ip         text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Every refresh token ever issued, hashed; a rotated one presented again
-- revokes its session (reuse detection).
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    rotated_at timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

CREATE TABLE login_throttle (
    key          text PRIMARY KEY,
    failures     int NOT NULL DEFAULT 0,
    window_start timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz
);

-- Ledger. Balance sign convention: balance = credits - debits, so wallets
-- (what the platform owes a user) are positive and asset accounts (cash,
-- loan receivables) are negative. The sum over all accounts is always zero.
CREATE TABLE ledger_accounts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind       text NOT NULL CHECK (kind IN ('wallet', 'loan_receivable', 'cash', 'pending_payouts', 'interest_income')),
    user_id    uuid REFERENCES users (id),
    loan_id    uuid,
    balance    bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wallet_not_negative CHECK (kind <> 'wallet' OR balance >= 0),
    CONSTRAINT pending_not_negative CHECK (kind <> 'pending_payouts' OR balance >= 0),
    CONSTRAINT receivable_not_positive CHECK (kind <> 'loan_receivable' OR balance <= 0)
);
CREATE UNIQUE INDEX ledger_wallet_key ON ledger_accounts (user_id) WHERE kind = 'wallet';
CREATE UNIQUE INDEX ledger_receivable_key ON ledger_accounts (loan_id) WHERE kind = 'loan_receivable';
CREATE UNIQUE INDEX ledger_platform_key ON ledger_accounts (kind) WHERE kind IN ('cash', 'pending_payouts', 'interest_income');
INSERT INTO ledger_accounts (kind) VALUES ('cash'), ('pending_payouts'), ('interest_income');

-- The user-facing view of wallet movements, one row per movement, written
-- in the same transaction as its transfers.
CREATE TABLE wallet_transactions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid NOT NULL REFERENCES users (id),
    type          text NOT NULL CHECK (type IN ('deposit', 'disbursement', 'withdrawal', 'withdrawal_reversal', 'repayment')),
    amount        bigint NOT NULL CHECK (amount <> 0),
    balance_after bigint NOT NULL CHECK (balance_after >= 0),
    loan_id       uuid,
    withdrawal_id uuid,
    description   text,
    -- clock_timestamp, not now(): rows are written while the wallet row is
    -- locked, so per-wallet time order is the order balances changed in.
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX wallet_tx_user_idx ON wallet_transactions (user_id, created_at DESC, id DESC);
CREATE INDEX wallet_tx_created_idx ON wallet_transactions (created_at DESC, id DESC);
CREATE INDEX wallet_tx_loan_idx ON wallet_transactions (loan_id, created_at DESC, id DESC) WHERE loan_id IS NOT NULL;

CREATE TABLE ledger_transfers (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind                  text NOT NULL CHECK (kind IN ('deposit', 'disbursement', 'withdrawal_hold', 'withdrawal_payout',
                                                        'withdrawal_release', 'repayment_principal', 'repayment_interest')),
    debit_account_id      uuid NOT NULL REFERENCES ledger_accounts (id),
    credit_account_id     uuid NOT NULL REFERENCES ledger_accounts (id),
    amount                bigint NOT NULL CHECK (amount > 0),
    wallet_transaction_id uuid REFERENCES wallet_transactions (id),
    user_id               uuid,
    loan_id               uuid,
    withdrawal_id         uuid,
    created_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK (debit_account_id <> credit_account_id)
);
CREATE INDEX ledger_transfers_debit_idx ON ledger_transfers (debit_account_id);
CREATE INDEX ledger_transfers_credit_idx ON ledger_transfers (credit_account_id);

-- +goose StatementBegin
CREATE FUNCTION ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger rows are immutable: post a reversing transfer instead'
        USING ERRCODE = 'restrict_violation';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER ledger_transfers_immutable BEFORE UPDATE OR DELETE ON ledger_transfers
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER wallet_transactions_immutable BEFORE UPDATE OR DELETE ON wallet_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();

CREATE SEQUENCE loan_number_seq;

CREATE TABLE loans (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number          text NOT NULL UNIQUE,
    user_id         uuid NOT NULL REFERENCES users (id),
    amount          bigint NOT NULL CHECK (amount > 0),
    term_months     int NOT NULL CHECK (term_months > 0),
    annual_rate_bps int NOT NULL CHECK (annual_rate_bps >= 0),
    monthly_payment bigint NOT NULL,
    total_interest  bigint NOT NULL,
    purpose         text NOT NULL,
    status          text NOT NULL DEFAULT 'submitted'
                    CHECK (status IN ('submitted', 'approved', 'rejected', 'cancelled', 'disbursed', 'repaid')),
    decision_reason text,
    decided_by      uuid REFERENCES users (id),
    decided_at      timestamptz,
    disbursed_at    timestamptz,
    closed_at       timestamptz,
    principal_paid  bigint NOT NULL DEFAULT 0 CHECK (principal_paid >= 0),
    interest_paid   bigint NOT NULL DEFAULT 0 CHECK (interest_paid >= 0),
    days_past_due   int NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (principal_paid <= amount)
);
CREATE INDEX loans_user_idx ON loans (user_id, created_at DESC, id DESC);
CREATE INDEX loans_created_idx ON loans (created_at DESC, id DESC);
CREATE INDEX loans_status_idx ON loans (status, created_at DESC, id DESC);

CREATE TABLE loan_installments (
    loan_id        uuid NOT NULL REFERENCES loans (id),
    number         int NOT NULL,
    due_date       date NOT NULL,
    principal      bigint NOT NULL CHECK (principal >= 0),
    interest       bigint NOT NULL CHECK (interest >= 0),
    principal_paid bigint NOT NULL DEFAULT 0,
    interest_paid  bigint NOT NULL DEFAULT 0,
    status         text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid', 'overdue', 'waived')),
    PRIMARY KEY (loan_id, number),
    CHECK (principal_paid BETWEEN 0 AND principal),
    CHECK (interest_paid BETWEEN 0 AND interest)
);
CREATE INDEX loan_installments_open_due_idx ON loan_installments (due_date) WHERE status IN ('due', 'overdue');

CREATE TABLE loan_events (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    loan_id     uuid NOT NULL REFERENCES loans (id),
    from_status text,
    to_status   text NOT NULL,
    actor_id    uuid REFERENCES users (id),
    reason      text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loan_events_loan_idx ON loan_events (loan_id, created_at, id);
CREATE INDEX loan_events_day_idx ON loan_events (created_at, to_status);

CREATE TABLE withdrawals (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id),
    amount      bigint NOT NULL CHECK (amount > 0),
    destination text NOT NULL,
    status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'cancelled')),
    reason      text,
    resolved_by uuid REFERENCES users (id),
    resolved_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX withdrawals_user_idx ON withdrawals (user_id, created_at DESC, id DESC);
CREATE INDEX withdrawals_created_idx ON withdrawals (created_at DESC, id DESC);
CREATE INDEX withdrawals_status_idx ON withdrawals (status, created_at DESC, id DESC);

-- Idempotency-Key records: the stored response is written in the same
-- transaction as the effect, so a committed effect always has its reply.
CREATE TABLE idempotency_keys (
    user_id       uuid NOT NULL REFERENCES users (id),
    key           text NOT NULL,
    operation     text NOT NULL,
    request_hash  bytea NOT NULL,
    status_code   int,
    response_body bytea,
    locked_until  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id),
    type       text NOT NULL,
    title      text NOT NULL,
    body       text NOT NULL,
    data       jsonb NOT NULL DEFAULT '{}',
    read_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE loan_contracts (
    loan_id    uuid PRIMARY KEY REFERENCES loans (id),
    pdf        bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE loan_contracts, notifications, idempotency_keys, withdrawals, loan_events,
    loan_installments, loans, ledger_transfers, wallet_transactions, ledger_accounts,
    login_throttle, refresh_tokens, sessions, users;
DROP SEQUENCE loan_number_seq;
DROP FUNCTION ledger_immutable();
