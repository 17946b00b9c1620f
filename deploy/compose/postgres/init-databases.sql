-- Runs once, on an empty data volume (docker-entrypoint-initdb.d): one database per service, each
-- owned by a role of its own, as on a managed server. The password comes from CODEDROP_DB_PASSWORD.
\getenv password CODEDROP_DB_PASSWORD

CREATE ROLE distribution LOGIN PASSWORD :'password';
CREATE DATABASE distribution OWNER distribution;

CREATE ROLE campaign LOGIN PASSWORD :'password';
CREATE DATABASE campaign OWNER campaign;

CREATE ROLE ingest LOGIN PASSWORD :'password';
CREATE DATABASE ingest OWNER ingest;

CREATE ROLE analytics LOGIN PASSWORD :'password';
CREATE DATABASE analytics OWNER analytics;
