import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier } from 'react-admin';
import type { DeadLetter } from '../resources/dead-letters/types';
import { httpClient } from './httpClient';
import { API_URL } from './session';

/** The stock simple-rest provider plus one method per domain action. */
export interface OmsDataProvider extends DataProvider {
  replayDeadLetter(id: Identifier): Promise<{ data: DeadLetter }>;
}

const base = simpleRestProvider(API_URL, httpClient);

export const dataProvider: OmsDataProvider = {
  ...base,
  async replayDeadLetter(id) {
    const { json } = await httpClient(`${API_URL}/dead-letters/${encodeURIComponent(String(id))}/replay`, {
      method: 'POST',
    });
    return { data: json as DeadLetter };
  },
};
