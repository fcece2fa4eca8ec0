-- Membership's own tables, outside the event stream: passwords, invitations, password resets, the sign-in server's
-- authorizations and signing key. "if not exists": release 0.1 made these same tables at start-up, without a
-- migration history (Flyway baselines such a database at version 0, then runs this and changes nothing).
create table if not exists credentials (
    account_id text primary key,
    email text not null unique,
    organisation_id text not null,
    password_hash text not null,
    created_at timestamptz not null default now());

create table if not exists invitations (
    token_hash text primary key,
    account_id text not null,
    organisation_id text not null,
    email text not null,
    expires_at timestamptz not null,
    used_at timestamptz);

create table if not exists password_reset_requests (
    address_hash text not null,
    client_hash text not null,
    requested_at timestamptz not null);

create index if not exists password_reset_requests_at on password_reset_requests (requested_at);

create table if not exists password_resets (
    token_hash text primary key,
    account_id text not null,
    expires_at timestamptz not null,
    used_at timestamptz);

create table if not exists signing_keys (
    kid text primary key,
    jwk text not null,
    created_at timestamptz not null default clock_timestamp());

-- Spring Authorization Server's JdbcOAuth2AuthorizationService table, with timestamptz for its instants
create table if not exists oauth2_authorization (
    id varchar(100) not null primary key,
    registered_client_id varchar(100) not null,
    principal_name varchar(200) not null,
    authorization_grant_type varchar(100) not null,
    authorized_scopes varchar(1000) default null,
    attributes text default null,
    state varchar(500) default null,
    authorization_code_value text default null,
    authorization_code_issued_at timestamptz default null,
    authorization_code_expires_at timestamptz default null,
    authorization_code_metadata text default null,
    access_token_value text default null,
    access_token_issued_at timestamptz default null,
    access_token_expires_at timestamptz default null,
    access_token_metadata text default null,
    access_token_type varchar(100) default null,
    access_token_scopes varchar(1000) default null,
    oidc_id_token_value text default null,
    oidc_id_token_issued_at timestamptz default null,
    oidc_id_token_expires_at timestamptz default null,
    oidc_id_token_metadata text default null,
    refresh_token_value text default null,
    refresh_token_issued_at timestamptz default null,
    refresh_token_expires_at timestamptz default null,
    refresh_token_metadata text default null,
    user_code_value text default null,
    user_code_issued_at timestamptz default null,
    user_code_expires_at timestamptz default null,
    user_code_metadata text default null,
    device_code_value text default null,
    device_code_issued_at timestamptz default null,
    device_code_expires_at timestamptz default null,
    device_code_metadata text default null);
