-- Ids stored only as SHA-256 hashes, rooms derived with the server's secret (lib/keys/derive.ts).
-- Step 1 of 2: the new columns, their hashes filled in for existing rows (which keep their first
-- room: generation 0). Planado's migration runner (`npm run migrate`, run by `npm start`) then seals
-- each existing row's invitation id and room with the server's secret, which SQL cannot do, and
-- clears the plain ids; step 2 refuses to run until that is done.
ALTER TABLE `conferences`
    ADD COLUMN `invitation_hash` BINARY(32) NULL,
    ADD COLUMN `admin_hash` BINARY(32) NULL,
    ADD COLUMN `room_hash` BINARY(32) NULL,
    ADD COLUMN `room_generation` INTEGER UNSIGNED NOT NULL DEFAULT 1,
    ADD COLUMN `legacy_ids` VARBINARY(255) NULL,
    MODIFY `invitation_id` CHAR(26) NULL,
    MODIFY `admin_id` CHAR(26) NULL,
    MODIFY `room_id` CHAR(26) NULL;

UPDATE `conferences` SET
    `invitation_hash` = UNHEX(SHA2(`invitation_id`, 256)),
    `admin_hash` = UNHEX(SHA2(`admin_id`, 256)),
    `room_hash` = UNHEX(SHA2(`room_id`, 256)),
    `room_generation` = 0;

-- CreateTable
CREATE TABLE `server_key` (
    `id` TINYINT UNSIGNED NOT NULL,
    `fingerprint` CHAR(32) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
