-- review fixture, source side: what production looks like.
CREATE TYPE order_status AS ENUM ('open', 'shipped');
CREATE TABLE customers (
    id integer PRIMARY KEY,
    email text NOT NULL,
    note text
);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers,
    status order_status NOT NULL DEFAULT 'open',
    total integer
);
CREATE TABLE "注文履歴" (
    id integer PRIMARY KEY,
    "金額" integer
);
CREATE TABLE "odd`name" (
    id integer,
    "a```b" text,
    "p|q <i>" text
);
CREATE VIEW open_orders AS SELECT id FROM orders WHERE status = 'open';
