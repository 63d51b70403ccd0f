-- review fixture, target side: what the migrations say, with changes of
-- every severity, a name in CJK characters and names holding backticks; a
-- column in the middle of orders, which the script can only append.
CREATE TYPE order_status AS ENUM ('open', 'shipped', 'cancelled');
CREATE TABLE customers (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    remark text
);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers,
    placed_on date,
    status order_status NOT NULL DEFAULT 'open',
    total bigint,
    shipped_at date
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE "注文履歴" (
    id integer PRIMARY KEY
);
CREATE TABLE "odd`name" (
    id integer NOT NULL,
    "a```b" varchar(10)
);
CREATE VIEW open_orders AS SELECT id FROM orders WHERE status = 'open';
CREATE FUNCTION order_count(customer integer, since date) RETURNS bigint
    LANGUAGE sql AS 'SELECT count(*) FROM orders WHERE customer_id = customer';
