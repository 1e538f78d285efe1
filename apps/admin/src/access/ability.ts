import { createMongoAbility, subject as asSubject, type MongoAbility } from '@casl/ability';
import { caslAction, SUBJECT_OF } from './subjects';

/** A permission as the API stores and returns it: a CASL raw rule (see docs/access-control.md). */
export interface PermissionRule {
  action: string | string[];
  subject: string | string[];
  conditions?: Record<string, unknown>;
  fields?: string | string[];
  inverted?: boolean;
  reason?: string;
}

export type Ability = MongoAbility;

/** The signed-in user's ability, from the rules `/auth/me` returns (placeholders already filled in). */
export const buildAbility = (rules: readonly PermissionRule[]): Ability =>
  createMongoAbility(rules as Parameters<typeof createMongoAbility>[0]);

export interface AccessQuery {
  action: string;
  /** A resource (or planned module) name, or `<resource>.<field>` to ask about one field. */
  resource: string;
  record?: Record<string, unknown>;
}

/**
 * react-admin's question ("may I `edit` this `users` record?") answered by CASL ("may I
 * `update` this `User`?"). Screens without a subject are refused.
 */
export const canAccessWith = (ability: Ability, { action, resource, record }: AccessQuery): boolean => {
  const dot = resource.indexOf('.');
  const name = dot < 0 ? resource : resource.slice(0, dot);
  const field = dot < 0 ? undefined : resource.slice(dot + 1);
  const subjectType = SUBJECT_OF[name];
  if (!subjectType) return false;
  // A copy: CASL tags the object it is given with its subject type.
  const target = record ? asSubject(subjectType, { ...record }) : subjectType;
  return ability.can(caslAction(action), target, field);
};
