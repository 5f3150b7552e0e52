/** Institutions and the webhook verification key. */
import { z } from "zod";
import { findInstitution, INSTITUTIONS } from "../institutions";
import { invalidField, invalidInstitution } from "../plaid-error";
import { renderInstitution } from "../render";
import { endpoint } from "./endpoint";

export const institutionsGetById = endpoint(
  z.object({ institution_id: z.string().min(1), country_codes: z.array(z.string()).min(1) }),
  (input) => {
    const institution = findInstitution(input.institution_id);
    if (!institution) throw invalidInstitution();
    return { institution: renderInstitution(institution) };
  },
);

export const institutionsGet = endpoint(
  z.object({
    count: z.number().int().min(1).max(500),
    offset: z.number().int().min(0),
    country_codes: z.array(z.string()).min(1),
  }),
  (input) => ({
    institutions: INSTITUTIONS.slice(input.offset, input.offset + input.count).map(renderInstitution),
    total: INSTITUTIONS.length,
  }),
);

export const webhookVerificationKeyGet = endpoint(z.object({ key_id: z.string().min(1) }), (input, { signer }) => {
  if (input.key_id !== signer.kid) throw invalidField("key_id not found");
  return { key: signer.publicJwk };
});
