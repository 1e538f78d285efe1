import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

// System fonts first (no web font download); the CJK families give Chinese a proper
// Simplified Chinese face on every platform.
const fontFamily = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans SC"',
  '"Noto Sans CJK SC"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  'sans-serif',
].join(',');

const withOms = (base: RaThemeOptions, palette: Record<string, unknown>): RaThemeOptions => ({
  ...base,
  typography: { ...base.typography, fontFamily },
  palette: { ...base.palette, ...palette },
});

export const lightTheme = withOms(defaultLightTheme, {
  primary: { main: '#1f5fa8' },
  secondary: { main: '#1f3a5f' },
  background: { default: '#f4f6f9' },
});

export const darkTheme = withOms(defaultDarkTheme, { primary: { main: '#7fb0ea' } });
