-- A failure with the right password but a wrong or missing second-factor code: someone who has the password
-- is guessing codes, so such failures stop the code from passing an account's lock-out (SignInLockOut).
alter table sign_in_failure add column second_factor boolean default false not null;
