-- Rooms are derived from the invitation id from now on, which no row holds (lib/keys/derive.ts): a copy
-- of the database and the server's secret no longer name any room. A row keeps its room's hash only
-- once that room is handed out. Every row booked before keeps the room it has (derived from its
-- invitation's hash, as then) until that room is replaced: it may have been handed out already.
ALTER TABLE `conferences` MODIFY `room_hash` BINARY(32) NULL,
    ADD COLUMN `room_from_hash_until` INT UNSIGNED NULL AFTER `room_generation`;

UPDATE `conferences` SET `room_from_hash_until` = `room_generation`;
