import { z } from "@hono/zod-openapi";
export declare const DashboardSummarySchema: z.ZodObject<{
    nps: z.ZodUnion<readonly [z.ZodObject<{
        n: z.ZodNumber;
        nps: z.ZodNullable<z.ZodNumber>;
        promoters: z.ZodObject<{
            count: z.ZodNumber;
            pct: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        passives: z.ZodObject<{
            count: z.ZodNumber;
            pct: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        detractors: z.ZodObject<{
            count: z.ZodNumber;
            pct: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        margin_of_error: z.ZodNullable<z.ZodNumber>;
        ci95: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        benchmark: z.ZodNullable<z.ZodEnum<{
            excellent: "excellent";
            good: "good";
            healthy: "healthy";
            poor: "poor";
            "world-class": "world-class";
        }>>;
    }, z.core.$strip>, z.ZodObject<{
        error: z.ZodObject<{
            code: z.ZodString;
            message: z.ZodString;
        }, z.core.$strip>;
    }, z.core.$strip>]>;
    csat: z.ZodUnion<readonly [z.ZodObject<{
        n: z.ZodNumber;
        csat: z.ZodNullable<z.ZodNumber>;
        mean: z.ZodNullable<z.ZodNumber>;
        distribution: z.ZodRecord<z.ZodString, z.ZodNumber>;
        ci95: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        benchmark: z.ZodNullable<z.ZodEnum<{
            critical: "critical";
            excellent: "excellent";
            fair: "fair";
            good: "good";
        }>>;
    }, z.core.$strip>, z.ZodObject<{
        error: z.ZodObject<{
            code: z.ZodString;
            message: z.ZodString;
        }, z.core.$strip>;
    }, z.core.$strip>]>;
    ces: z.ZodUnion<readonly [z.ZodObject<{
        n: z.ZodNumber;
        scale: z.ZodNullable<z.ZodEnum<{
            agree7: "agree7";
            effort5: "effort5";
        }>>;
        mean: z.ZodNullable<z.ZodNumber>;
        easy_pct: z.ZodNullable<z.ZodNumber>;
        distribution: z.ZodRecord<z.ZodString, z.ZodNumber>;
        benchmark: z.ZodNullable<z.ZodEnum<{
            good: "good";
            "high-effort": "high-effort";
        }>>;
    }, z.core.$strip>, z.ZodObject<{
        error: z.ZodObject<{
            code: z.ZodString;
            message: z.ZodString;
        }, z.core.$strip>;
    }, z.core.$strip>]>;
    repurchase: z.ZodUnion<readonly [z.ZodObject<{
        eligible: z.ZodNumber;
        repurchased: z.ZodNumber;
        rate: z.ZodNullable<z.ZodNumber>;
        pending: z.ZodNumber;
        pending_repurchased: z.ZodNumber;
        revenue: z.ZodRecord<z.ZodString, z.ZodString>;
        revenue_per_interaction: z.ZodRecord<z.ZodString, z.ZodString>;
        window_days: z.ZodNumber;
        as_of: z.ZodString;
    }, z.core.$strip>, z.ZodObject<{
        error: z.ZodObject<{
            code: z.ZodString;
            message: z.ZodString;
        }, z.core.$strip>;
    }, z.core.$strip>]>;
    filter_values: z.ZodObject<{
        channel: z.ZodArray<z.ZodString>;
        request_type: z.ZodArray<z.ZodString>;
        agent: z.ZodArray<z.ZodString>;
        team: z.ZodArray<z.ZodString>;
    }, z.core.$strip>;
}, z.core.$strip>;
export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;
