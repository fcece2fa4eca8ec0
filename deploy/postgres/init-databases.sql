-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d).
-- Each event-sourced service owns one database for its Axon event store; the services create
-- their tables themselves. The notification service keeps its data in MongoDB only.
CREATE DATABASE membership;
CREATE DATABASE policy;
CREATE DATABASE events;
