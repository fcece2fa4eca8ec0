-- The lookups by person that erasure and the invitation pages make, without reading every row: a person's unused
-- invitations (pending, replaced, forgotten) and a person's sign-ins (ended on erasure).
create index invitations_unused_by_account on invitations (account_id) where used_at is null;
create index oauth2_authorization_by_principal on oauth2_authorization (principal_name);
