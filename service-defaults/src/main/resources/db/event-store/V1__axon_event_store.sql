-- Axon's event and snapshot tables (the JDBC storage engine, PostgreSQL flavour: a global sequence, bytea payloads),
-- named in PostgreSQL's snake case (AxonPostgresAutoConfiguration.SNAKE_CASE_SCHEMA). "if not exists": release 0.1
-- made these same tables at start-up, without a migration history; on its databases this changes nothing.
create table if not exists domain_event_entry (
    global_index bigserial not null,
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    type varchar(255),
    event_identifier varchar(255) not null,
    meta_data bytea,
    payload bytea not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    primary key (global_index),
    unique (aggregate_identifier, sequence_number),
    unique (event_identifier)
);

create table if not exists snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    type varchar(255) not null,
    event_identifier varchar(255) not null,
    meta_data bytea,
    payload bytea not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    primary key (aggregate_identifier, sequence_number),
    unique (event_identifier)
);
