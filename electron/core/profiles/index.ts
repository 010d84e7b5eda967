export { ProfileStore, type ListedProfile, type ProfileOrigin, type RefreshResult, type ProfileStoreOptions } from './profile-store.js';
export { ProfileError } from './errors.js';
export { fetchSource, isUrlSource, MAX_DOCUMENT_BYTES } from './fetch-source.js';
export { readStore, writeStore, storePath, emptyStore, STORE_VERSION, type StoreData } from './store-file.js';
