import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { newId, UnitOfWork } from '@oms/core';
import { type BuiltInRoleKey, builtInRole } from '../domain/built-in-roles.js';
import { PasswordHasher } from '../infrastructure/password-hasher.js';

export interface SeededUser {
  email: string;
  /** Set only when this call created the user with a generated password, to be shown once. */
  generatedPassword?: string;
  created: boolean;
}

@Injectable()
export class UserSeeder {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Creates the first administrator on a database without users. Never touches an existing
   * user: a later start with other settings changes nothing.
   */
  async ensureFirstAdmin(email: string, password?: string): Promise<SeededUser> {
    const [{ any }] = await this.uow.manager.query(`SELECT EXISTS (SELECT 1 FROM users) AS any`);
    if (any) return { email, created: false };
    return this.createUser(email, 'Administrator', password, 'en', 'administrator');
  }

  /** Creates a user with a built-in role unless the email is taken; concurrent starts create it once. */
  async createUser(
    email: string,
    name: string,
    password: string | undefined,
    locale: 'en' | 'zh-CN',
    role: BuiltInRoleKey,
  ): Promise<SeededUser> {
    const generated = password ? undefined : randomBytes(12).toString('base64url');
    const hash = await this.hasher.hash(password ?? generated!);
    return this.uow.run(async (m) => {
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO users (id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [newId(), email.toLowerCase(), name, hash, locale],
      );
      if (!inserted.length) return { email, created: false };
      await m.query(`INSERT INTO user_role (user_id, role_id) VALUES ($1, $2)`, [inserted[0].id, builtInRole(role).id]);
      return { email, generatedPassword: generated, created: true };
    });
  }
}
