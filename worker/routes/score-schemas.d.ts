import { z } from "@hono/zod-openapi";
export declare const NpsFiguresSchema: z.ZodObject<{
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
}, z.core.$strip>;
export declare const CsatFiguresSchema: z.ZodObject<{
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
}, z.core.$strip>;
export declare const CesFiguresSchema: z.ZodObject<{
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
}, z.core.$strip>;
export declare const FiguresSchema: z.ZodUnion<readonly [z.ZodObject<{
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
}, z.core.$strip>]>;
