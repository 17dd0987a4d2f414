-- An optional second factor per user (identity/SecondFactors.java). totp_secret is the TOTP secret
-- sealed with AES-GCM (identity/TotpSecrets.java), never the secret itself; without totp_enabled_at
-- it is an enrolment not yet confirmed, and not enforced. totp_last_step is the last time step whose
-- code was accepted: a code of that step or an earlier one is refused, on every node. totp_required:
-- an administrator requires a second factor of this user. Nullable, read as false, so that backups
-- written before this version still restore.
alter table app_user add column totp_secret varchar(200);
alter table app_user add column totp_enabled_at timestamp with time zone;
alter table app_user add column totp_last_step bigint;
alter table app_user add column totp_required boolean default false;

-- The key that seals the secrets when tandem.totp.key (TANDEM_TOTP_KEY) is not set: generated on
-- first need, one for all nodes. Deliberately not in backups (interchange/BackupTables), so that
-- an export never holds a secret it could open.
create table totp_key (
    id      integer primary key,
    aes_key varchar(100) not null
);
