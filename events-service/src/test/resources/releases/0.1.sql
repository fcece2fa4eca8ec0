-- events-service's database as release 0.1 (before schema migrations, up to commit f4dea0b) left it: the tables it made at
-- start-up, then the rows of a meeting and an EU event scheduled through its API (ReleaseFixture.main wrote them). Frozen: never edit.
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
insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) values (1, 'a00f683b-a01d-4452-a142-b0f41fe8d41c', 0, 'Meeting', 'fa98d3c8-1906-456c-8218-e1a8c1434e07', '\x7b226f7267616e69736174696f6e223a2232646366393964622d366634302d346337632d623039312d393030306639666233313437222c226163636f756e74223a2233636635313133312d646137342d346334652d386431352d313862343530363364653664227d'::bytea, '\x7b226d656574696e674964223a2261303066363833622d613031642d343435322d613134322d623066343166653864343163222c227469746c65223a2249434d20706c656e6172792c204d617263682032303237222c2274797065223a22504c454e415259222c227374617274734174223a22323032372d30332d31305430393a30303a30305a222c22656e64734174223a22323032372d30332d31305431353a30303a30305a222c2274696d655a6f6e65223a224575726f70652f4272757373656c73222c22706c616365223a2252756520526f79616c65203134362c204272757373656c73222c226f6e6c696e654c696e6b223a6e756c6c2c226361706163697479223a38302c226167656e6461223a5b7b227469746c65223a225061637420696d706c656d656e746174696f6e3a206e6174696f6e616c20706c616e73222c22646f73736965724964223a2233363337386435372d356235312d333834382d616334312d396632376132666362623235227d2c7b227469746c65223a22414f42222c22646f73736965724964223a6e756c6c7d5d7d'::bytea, '1', 'org.icm.events.meeting.MeetingEvent$MeetingScheduled', '2026-12-07T19:20:28.742Z');
insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) values (2, '6d2c11e4-311c-4ea5-83fd-08baa3d8d1ca', 0, 'EuEvent', 'b5d6c14a-f8b1-46bf-b828-d37b6d410cd1', '\x7b226f7267616e69736174696f6e223a2232646366393964622d366634302d346337632d623039312d393030306639666233313437222c226163636f756e74223a2233636635313133312d646137342d346334652d386431352d313862343530363364653664227d'::bytea, '\x7b2265754576656e744964223a2236643263313165342d333131632d346561352d383366642d303862616133643864316361222c22696e737469747574696f6e223a22434f554e43494c5f4f465f5448455f4555222c227469746c65223a224a75737469636520616e6420486f6d65204166666169727320436f756e63696c222c227374617274734174223a22323032372d30332d30345430383a33303a30305a222c22656e64734174223a6e756c6c2c2274696d655a6f6e65223a224575726f70652f4272757373656c73222c226c696e6b223a2268747470733a2f2f7777772e636f6e73696c69756d2e6575726f70612e65752f656e2f6d656574696e67732f6a68612f222c22646f7373696572496473223a5b5d7d'::bytea, '1', 'org.icm.events.euevent.EuEventEvent$EuEventAnnounced', '2026-12-07T19:20:29.010Z');
select setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), (select coalesce(max(global_index), 1) from domain_event_entry));
