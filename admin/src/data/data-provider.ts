import simpleRestProvider from 'ra-data-simple-rest';
import { ADMIN_BASE } from '../api-paths';
import { httpClient } from './http-client';

export const dataProvider = simpleRestProvider(ADMIN_BASE, httpClient);
