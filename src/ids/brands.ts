declare const brand: unique symbol;

/**
 * A 统一社会信用代码 that passed {@link isValidUscc} (GB 32100-2015). Obtain one from {@link parseUscc} or
 * {@link UsccSchema}.
 *
 * @category Identifiers
 */
export type Uscc = string & { readonly [brand]: "Uscc" };

/**
 * A 15-digit 工商注册号 whose ISO 7064 MOD 11,10 check digit is right.
 *
 * @category Identifiers
 */
export type RegistrationNumber = string & { readonly [brand]: "RegistrationNumber" };

/**
 * An 18-character 公民身份号码 whose GB 11643 check character is right.
 *
 * @category Identifiers
 */
export type ResidentId = string & { readonly [brand]: "ResidentId" };
