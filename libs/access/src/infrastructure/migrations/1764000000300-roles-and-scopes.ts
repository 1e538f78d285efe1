import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BUILT_IN_ROLES } from '../../domain/built-in-roles.js';

export class RolesAndScopes1764000000300 implements MigrationInterface {
  name = 'RolesAndScopes1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE role (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
        built_in_key text UNIQUE,
        permissions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(permissions) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX role_name_key ON role (lower(name))`);
    await q.query(`
      CREATE TABLE user_role (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role_id uuid NOT NULL REFERENCES role (id) ON DELETE RESTRICT,
        PRIMARY KEY (user_id, role_id)
      )`);
    await q.query(`CREATE INDEX user_role_role_idx ON user_role (role_id)`);
    await q.query(`
      ALTER TABLE users
        ADD COLUMN warehouse_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN channel_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN token_version int NOT NULL DEFAULT 1`);
    await q.query(`CREATE INDEX users_created_idx ON users (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures int NOT NULL CHECK (failures >= 0),
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    for (const role of BUILT_IN_ROLES) {
      await q.query(
        `INSERT INTO role (id, name, description, built_in_key, permissions) VALUES ($1, $2, $3, $4, $5)`,
        [role.id, role.name, role.description, role.key, JSON.stringify(role.permissions)],
      );
    }
    // Users from before roles existed: the first one keeps full control, the others may look.
    await q.query(`
      INSERT INTO user_role (user_id, role_id)
      SELECT id, CASE WHEN row_number() OVER (ORDER BY created_at, id) = 1 THEN $1::uuid ELSE $2::uuid END
      FROM users`, [BUILT_IN_ROLES[0].id, BUILT_IN_ROLES[5].id]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`ALTER TABLE users DROP COLUMN warehouse_ids, DROP COLUMN channel_ids, DROP COLUMN token_version`);
    await q.query(`DROP TABLE user_role`);
    await q.query(`DROP TABLE role`);
  }
}
