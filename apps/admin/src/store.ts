import { localStorageStore, type Store } from 'react-admin';

/** Device preferences that outlive a session: signing out must not reset the language or theme. */
const DEVICE_PREFERENCES = new Set(['locale', 'theme']);

/**
 * react-admin's localStorage store (menu state, list filters, preferences survive reloads),
 * except that its reset on sign-out keeps the device preferences. Bump the version when the
 * shape of what is stored changes.
 */
export const createStore = (): Store => {
  const store = localStorageStore('1', 'oms');
  return {
    ...store,
    reset() {
      for (const key of Object.keys(store.listItems?.() ?? {})) {
        if (!DEVICE_PREFERENCES.has(key)) store.removeItem(key);
      }
    },
  };
};
