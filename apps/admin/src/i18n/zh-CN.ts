import type { TranslationMessages } from 'react-admin';
import { deadLettersZhCN } from '../resources/dead-letters/i18n/zh-CN';
import { appZhCN } from './app.zh-CN';
import { raZhCN } from './ra.zh-CN';

/** 简体中文：react-admin 自带文案与应用文案。 */
export const zhCN: TranslationMessages = {
  ...raZhCN,
  ...appZhCN,
  resources: {
    'dead-letters': deadLettersZhCN,
  },
};
