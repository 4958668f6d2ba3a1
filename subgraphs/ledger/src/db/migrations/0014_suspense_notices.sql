ALTER TABLE `payments` ADD `held_announced` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `payments` p JOIN `transactions` t ON t.id = p.transaction_id
  SET p.held_announced = GREATEST(0, p.received_amount - IF(t.status = 'POSTED', t.amount, 0))
  WHERE p.received_amount IS NOT NULL AND t.status <> 'PENDING';
