/** Long enough for passphrases, short enough that hashing cannot be used to burn CPU. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
