import { z } from "zod";
import { ROLES } from "../roles";

export const Id = z.string().min(1).max(64);
export const OrgRefInput = z.string().min(1).max(64).describe("Organization id or slug");
export const RoleSchema = z.enum(ROLES);
export const Slug = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");
export const Name = z.string().trim().min(1, "Required").max(120);
export const Email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(254));
export const Password = z.string().min(10, "Use at least 10 characters").max(200);

export const PageInput = {
  cursor: z.string().max(64).optional().describe("The nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Sent by tRPC's infinite queries; pages only go forward. */
  direction: z.enum(["forward", "backward"]).optional(),
};

export const OkOutput = z.object({ ok: z.literal(true) });

export function slugify(value: string): string {
  const slug = value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug.length >= 2 ? slug : `${slug || "x"}-${Math.random().toString(36).slice(2, 6)}`;
}
