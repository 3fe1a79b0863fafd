-- One storefront checkout's writes as raw SQL: the ceiling of bench/checkout/run.ts.
--
-- The same statements, in the same order, on the same tables and rows as `POST /api/v1/orders`
-- writes for a 2-line order of stock-tracked products paid with the `test` method (traced with
-- log_statement = 'all'; see libs/orders/src/checkout/checkout.flow.ts), sent like MikroORM sends
-- them (simple protocol, literal values; run pgbench with -M simple). Left out: everything the
-- api reads (store, catalogue version, pickup rules, product tracking, payment methods); and the
-- outbox's delivery, which happens after the commit. The stock hold's statement also expires the
-- store's lapsed holds, as the api's does (it writes no row in a steady state).
--
-- Variables (-D): store_id, organisation_id, tz, product_ids and stock_item_ids ({uuid,...},
-- same order), products (their count), slot_base (epoch seconds of the first bookable slot),
-- slots (their count, 15 minutes apart), max_orders, max_items (the slot caps), day (added to the
-- store's date for the order number row: each pgbench run counts its own day, as a new day
-- would; a day holds at most 23,976 order numbers) and outbox_consumers ({name,...}: the consumers
-- that get an OrderPlaced outbox row, one row each; may be empty).

\set k random(1, 281474976710655)
\set p random(0, :products - 1)
\set q (:p + 1) % :products
\set s random(0, :slots - 1)

BEGIN;

-- The Idempotency-Key, claimed first (IdempotencyKeys.claim).
insert into idempotency_key (key, request_hash, created_at, expires_at)
values ('00000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'), md5(':k') || md5(':k-body'), now(), now() + make_interval(hours => 72))
on conflict (key) do update
  set request_hash = excluded.request_hash, created_at = excluded.created_at, expires_at = excluded.expires_at,
      order_id = null, response_status = null, response_body = null
  where idempotency_key.expires_at <= now()
returning key;

-- Hold the slot (SlotLedger.insertHold, then .take with the store's caps).
insert into slot_hold (hold_id, store_id, slot_start, slot_end, status, orders, items, kitchen_minutes, expires_at, created_at)
values ('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'), ':store_id', to_timestamp(:slot_base + :s * 900), to_timestamp(:slot_base + :s * 900 + 900),
        'active', 1, 2, 4, now() + make_interval(secs => 720), now())
on conflict (hold_id) do nothing
returning hold_id, store_id, slot_start, slot_end, status, orders, items, kitchen_minutes, expires_at;

insert into slot_load (store_id, slot_start, orders, items, kitchen_minutes) values (':store_id', to_timestamp(:slot_base + :s * 900), 1, 2, 4)
on conflict (store_id, slot_start) do update
  set orders = slot_load.orders + excluded.orders,
      items = slot_load.items + excluded.items,
      kitchen_minutes = slot_load.kitchen_minutes + excluded.kitchen_minutes
  where slot_load.orders + excluded.orders <= :max_orders and slot_load.items + excluded.items <= :max_items
returning orders;

-- Reserve the stock (StockLedger.insertHold, which also expires the store's lapsed holds;
-- .changeLevels for both items in one statement, rows locked in id order; .insertMovements).
with inserted as (
  insert into stock_hold (hold_id, store_id, status, allocations, lines, expires_at, created_at)
  values ('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'), ':store_id', 'active',
          jsonb_build_array(jsonb_build_object('stockItemId', (':stock_item_ids'::uuid[])[:p + 1], 'quantity', 1),
                            jsonb_build_object('stockItemId', (':stock_item_ids'::uuid[])[:q + 1], 'quantity', 1)),
          jsonb_build_array(jsonb_build_object('productId', (':product_ids'::uuid[])[:p + 1], 'name', 'Kanelbulle :p', 'quantity', 1),
                            jsonb_build_object('productId', (':product_ids'::uuid[])[:q + 1], 'name', 'Kanelbulle :q', 'quantity', 1)),
          now() + make_interval(secs => 720), clock_timestamp())
  on conflict (hold_id) do nothing
  returning expires_at),
expired as (
  update stock_hold set status = 'expired', closed_at = clock_timestamp()
   where exists (select 1 from inserted)
     and hold_id in (
       select hold_id from stock_hold
        where status = 'active' and expires_at <= now() and store_id = ':store_id'
        order by expires_at limit 100 for update skip locked)
  returning hold_id, store_id, allocations, lines)
select (select expires_at from inserted) as expires_at,
       coalesce((select json_agg(json_build_object('holdId', hold_id, 'storeId', store_id, 'allocations', allocations, 'lines', lines)) from expired), '[]') as expired,
       -- Not in the api's statement: the two stock items in id order, for the statements below (kept short
       -- enough for pg_stat_activity's 1 kB of query text to show which table they wait on).
       least((':stock_item_ids'::uuid[])[:p + 1], (':stock_item_ids'::uuid[])[:q + 1]) as item_first,
       greatest((':stock_item_ids'::uuid[])[:p + 1], (':stock_item_ids'::uuid[])[:q + 1]) as item_second \gset

with wanted as (
  select * from unnest(array[':store_id', ':store_id']::uuid[],
                       array[':item_first', ':item_second']::uuid[],
                       '{0,0}'::int[], '{1,1}'::int[], '{true,true}'::boolean[]) with ordinality
      as w(store_id, stock_item_id, on_hand, reserved, guard, ord)),
first_missing as (
  select coalesce(min(w.ord), 2147483647) as ord from wanted w
   where not exists (select 1 from stock_level l where l.store_id = w.store_id and l.stock_item_id = w.stock_item_id)),
locked as materialized (
  select l.id, w.ord from stock_level l join wanted w on l.store_id = w.store_id and l.stock_item_id = w.stock_item_id
   where w.ord < (select ord from first_missing)
   order by w.ord for update of l),
changed as (
  update stock_level l
     set on_hand = l.on_hand + w.on_hand, reserved = l.reserved + w.reserved, updated_at = clock_timestamp()
    from locked k join wanted w on w.ord = k.ord
   where l.id = k.id and (not w.guard or l.on_hand + w.on_hand - (l.reserved + w.reserved) >= 0)
  returning w.ord, l.on_hand)
select (select on_hand from changed where ord = 1) as on_hand_first, (select on_hand from changed where ord = 2) as on_hand_second \gset

insert into stock_movement (id, store_id, stock_item_id, kind, quantity, reserved_delta, on_hand_after, reason, hold_id, user_id, created_at)
values (gen_random_uuid(), ':store_id', ':item_first', 'reservation', 0, 1, :on_hand_first,
        'Reserved: Kanelbulle :p, Kanelbulle :q', 'a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'), NULL, clock_timestamp()),
       (gen_random_uuid(), ':store_id', ':item_second', 'reservation', 0, 1, :on_hand_second,
        'Reserved: Kanelbulle :p, Kanelbulle :q', 'a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'), NULL, clock_timestamp())
returning id, store_id, stock_item_id, kind, quantity, reserved_delta, on_hand_after, reason, hold_id, user_id, created_at;

-- Start the payment (PaymentLedger.insert: the test provider answers in process, so the payment
-- is written pending with its 'created' and 'started' log rows in one statement).
with p as (
  insert into payment (id, store_id, organisation_id, order_id, method, status, amount, currency, refunded_amount,
                       idempotency_key, next_action, provider_reference, created_at, updated_at)
  values (('b0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid, ':store_id', ':organisation_id', ('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid,
          'test', 'pending', 7100, 'SEK', 0, '00000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'),
          jsonb_build_object('type', 'test_approval',
                             'approveUrl', '/api/v1/payments/test/b0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0') || '/approve',
                             'declineUrl', '/api/v1/payments/test/b0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0') || '/decline'),
          NULL, clock_timestamp(), clock_timestamp())
  on conflict (order_id, idempotency_key) do nothing
  returning id, order_id, store_id, method, status, amount, currency, refunded_amount, provider_reference, next_action),
logged as (
  insert into payment_event (id, payment_id, store_id, kind, from_status, to_status, amount, provider_reference, detail, actor, created_at)
  select e.id, p.id, p.store_id, e.kind, e.from_status, e.to_status, p.amount, e.provider_reference, e.detail, 'system', clock_timestamp()
    from p cross join (values (gen_random_uuid(), 'created', null, 'created', null::text, null::jsonb),
                              (gen_random_uuid(), 'started', 'created', 'pending', null::text, '{"nextAction":"test_approval"}'::jsonb))
                      as e(id, kind, from_status, to_status, provider_reference, detail))
select * from p;

-- Record the order: its number of the store's day, then the order and what goes with it.
insert into order_number (store_id, business_date, last) values (':store_id', (now() at time zone ':tz')::date + :day, 1)
on conflict (store_id, business_date) do update set last = order_number.last + 1
returning last \gset

-- The order with its lines, its first timeline step and its OrderPlaced rows (one per registered
-- consumer) in one statement (CheckoutFlow.insert).
with written0 as (
insert into order_line (id, order_id, position, product_id, sku, name_sv, name_en, category_id, quantity, unit_price, line_total, vat_rate, modifiers, note, prep_minutes)
values (gen_random_uuid(), ('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid, 0, (':product_ids'::uuid[])[:p + 1], 'BENCH-:p', 'Kanelbulle :p', 'Cinnamon bun :p',
        NULL, 1, 3500 + :p * 100, 3500 + :p * 100, 1200, '[]', NULL, 2),
       (gen_random_uuid(), ('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid, 1, (':product_ids'::uuid[])[:q + 1], 'BENCH-:q', 'Kanelbulle :q', 'Cinnamon bun :q',
        NULL, 1, 3500 + :q * 100, 3500 + :q * 100, 1200, '[]', NULL, 2)),
written1 as (
insert into order_transition (id, order_id, from_status, to_status, actor_kind, actor_id, actor_name, reason, at)
values (gen_random_uuid(), ('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid, NULL, 'pending_payment', 'customer', NULL, 'Åsa Öberg', NULL, now())),
written2 as (
insert into outbox_message (id, event_type, consumer, payload, store_id, status, attempts, available_at, locked_until, last_error, created_at, processed_at)
select gen_random_uuid(), 'OrderPlaced', consumer,
       jsonb_build_object('orderId', 'a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'), 'organisationId', ':organisation_id', 'storeId', ':store_id',
                          'number', substr('ABCDEFGHJKLMNPQRSTUVWXYZ', ((:last - 1) / 999) % 24 + 1, 1) || '-' || lpad(((:last - 1) % 999 + 1)::text, 3, '0'),
                          'status', 'pending_payment', 'previousStatus', NULL,
                          'pickup', jsonb_build_object('start', to_timestamp(:slot_base + :s * 900), 'end', to_timestamp(:slot_base + :s * 900 + 900), 'asap', false),
                          'customer', jsonb_build_object('name', 'Åsa Öberg', 'email', 'asa@example.se', 'phone', '+46701234567'),
                          'locale', 'sv', 'currency', 'SEK', 'total', 7100, 'paymentMethod', 'test',
                          'items', jsonb_build_array(jsonb_build_object('name', 'Kanelbulle :p', 'quantity', 1, 'note', NULL),
                                                     jsonb_build_object('name', 'Kanelbulle :q', 'quantity', 1, 'note', NULL)),
                          'actor', jsonb_build_object('kind', 'customer', 'id', NULL), 'reason', NULL, 'at', now()),
       ':store_id', 'pending', 0, now(), NULL, NULL, now(), NULL
  from unnest(':outbox_consumers'::text[]) as consumer)
insert into orders (id, organisation_id, store_id, number, business_date, status, pickup_start, pickup_end, asap, customer_name, customer_email, customer_phone,
                    locale, currency, subtotal, discount, total, vat, item_count, kitchen_minutes, payment_method, payment_id, hold_expires_at, pickup_code,
                    pickup_code_failures, created_at, updated_at)
values (('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid, ':organisation_id', ':store_id',
        substr('ABCDEFGHJKLMNPQRSTUVWXYZ', ((:last - 1) / 999) % 24 + 1, 1) || '-' || lpad(((:last - 1) % 999 + 1)::text, 3, '0'),
        (now() at time zone ':tz')::date + :day, 'pending_payment', to_timestamp(:slot_base + :s * 900), to_timestamp(:slot_base + :s * 900 + 900), false,
        'Åsa Öberg', 'asa@example.se', '+46701234567', 'sv', 'SEK', 7100, 0, 7100, '[{"rate":1200,"base":6339,"amount":761}]', 2, 4, 'test',
        ('b0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid, now() + make_interval(secs => 600), upper(substr(md5(':k'), 1, 6)), 0, now(), now());

-- Keep the answer under the key (IdempotencyKeys.complete): the api stores its ~1.5 KB JSON body.
update idempotency_key set order_id = ('a0000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0'))::uuid, response_status = 201, response_body = repeat('x', 1536)
 where key = '00000000-0000-4000-8000-' || lpad(to_hex(:k), 12, '0');

END;
