-- Step 2 of 2 (see 20261130000000_hash_ids): refuses to run while any row still holds a plain id,
-- so the ids of existing rows are never lost (run Planado's own `npm run migrate`, which seals them
-- after step 1), then removes the ids and makes the hashes the keys.
ALTER TABLE `conferences` ADD CONSTRAINT `conferences_ids_sealed` CHECK (`invitation_id` IS NULL AND `admin_id` IS NULL AND `room_id` IS NULL);

ALTER TABLE `conferences`
    DROP CONSTRAINT `conferences_ids_sealed`,
    DROP INDEX `conferences_invitation_id_key`,
    DROP INDEX `conferences_admin_id_key`,
    DROP INDEX `conferences_room_id_key`,
    DROP COLUMN `invitation_id`,
    DROP COLUMN `admin_id`,
    DROP COLUMN `room_id`,
    MODIFY `invitation_hash` BINARY(32) NOT NULL,
    MODIFY `admin_hash` BINARY(32) NOT NULL,
    MODIFY `room_hash` BINARY(32) NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX `conferences_invitation_hash_key` ON `conferences`(`invitation_hash`);

-- CreateIndex
CREATE UNIQUE INDEX `conferences_admin_hash_key` ON `conferences`(`admin_hash`);

-- CreateIndex
CREATE UNIQUE INDEX `conferences_room_hash_key` ON `conferences`(`room_hash`);
