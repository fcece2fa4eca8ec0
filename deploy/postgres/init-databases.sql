-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d).
-- Each event-sourced service owns one database for its Axon event store; the services create
-- their tables themselves. The notification service keeps its data in MongoDB only.
-- personal_data is the platform's key store, which every service reaches (its schema is migrated by each at start).
CREATE DATABASE membership;
CREATE DATABASE policy;
CREATE DATABASE events;
CREATE DATABASE personal_data;
