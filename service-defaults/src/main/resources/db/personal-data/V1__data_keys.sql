-- The platform's key store: each person's own data key, wrapped by a key-encryption key named in kek_id.
-- Deleting a person's row shreds every copy of their data sealed with it (event stores, Kafka).
create table data_key (
    subject     varchar(200) primary key,
    wrapped_key bytea        not null,
    kek_id      varchar(64)  not null,
    created_at  timestamptz  not null default now()
);

-- People who were erased: no key is ever made for them again, so nothing new about them is readable.
create table erased_subject (
    subject   varchar(200) primary key,
    erased_at timestamptz  not null default now()
);
