import { z } from "@hono/zod-openapi";
export declare const RepurchaseFiguresSchema: z.ZodObject<{
    eligible: z.ZodNumber;
    repurchased: z.ZodNumber;
    rate: z.ZodNullable<z.ZodNumber>;
    pending: z.ZodNumber;
    pending_repurchased: z.ZodNumber;
    revenue: z.ZodRecord<z.ZodString, z.ZodString>;
    revenue_per_interaction: z.ZodRecord<z.ZodString, z.ZodString>;
}, z.core.$strip>;
