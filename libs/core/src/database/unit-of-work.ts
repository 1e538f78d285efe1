import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

const current = new AsyncLocalStorage<EntityManager>();

/**
 * Runs work in one database transaction and makes its EntityManager the ambient one, so
 * repositories, the outbox and job enqueueing called inside all write in the same commit.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  /** The transaction's manager inside `run`, the pool's manager outside it. */
  get manager(): EntityManager {
    return current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return current.getStore() !== undefined;
  }

  /** Joins the ambient transaction if there is one, otherwise opens a new one. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const ambient = current.getStore();
    if (ambient) return work(ambient);
    return this.dataSource.transaction((manager) => current.run(manager, () => work(manager)));
  }
}
