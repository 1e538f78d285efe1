/** The built-in channel of orders entered by hand in the admin panel. */
export const MANUAL_CHANNEL_ID = '019ab000-0000-7000-8000-0000000000c0';
