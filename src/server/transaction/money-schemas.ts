/**
 * The input shapes of money, for every boundary that takes an amount or a currency. Apart from
 * money.ts's arithmetic, which client components use too and which should not bring zod with it.
 */
import { z } from "zod";

export const decimalString = z
  .string()
  .trim()
  .regex(/^-?\d{1,13}(\.\d{1,2})?$/, "must be a decimal amount with at most 2 decimals, like -12.34");

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a 3-letter ISO 4217 code");
