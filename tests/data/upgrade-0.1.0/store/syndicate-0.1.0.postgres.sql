--
-- PostgreSQL database dump
--

\restrict syndicatev010fixture

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: article_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.article_versions (
    seq bigint NOT NULL,
    article_id character varying(255) NOT NULL,
    version integer NOT NULL,
    content_hash character varying(64) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    data text NOT NULL
);


--
-- Name: article_versions_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.article_versions_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: article_versions_seq_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.article_versions_seq_seq OWNED BY public.article_versions.seq;


--
-- Name: articles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.articles (
    id character varying(255) NOT NULL,
    family character varying(255) NOT NULL,
    lang character varying(35) NOT NULL,
    category character varying(100) NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    body_html text NOT NULL,
    author text,
    credit text,
    url text,
    published timestamp with time zone NOT NULL,
    updated timestamp with time zone,
    embargo timestamp with time zone,
    status character varying(16) NOT NULL,
    translation_of character varying(255),
    correction_note text,
    origin character varying(16) NOT NULL,
    mt_engine character varying(64),
    mt_model character varying(255),
    source_version integer,
    version integer NOT NULL,
    content_hash character varying(64) NOT NULL,
    seq bigint NOT NULL
);


--
-- Name: delivery_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivery_changes (
    version_seq bigint NOT NULL,
    article_id character varying(255) NOT NULL,
    version integer NOT NULL,
    lang character varying(35) NOT NULL,
    category character varying(100) NOT NULL,
    status character varying(16) NOT NULL,
    published timestamp with time zone NOT NULL,
    embargo timestamp with time zone,
    early_cursor bigint,
    public_cursor bigint
);


--
-- Name: delivery_counter; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivery_counter (
    id integer NOT NULL,
    last_cursor bigint NOT NULL
);


--
-- Name: feed_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feed_state (
    path character varying(512) NOT NULL,
    sha256 character varying(64) NOT NULL,
    size integer NOT NULL,
    items integer NOT NULL,
    last_modified timestamp with time zone,
    written_at timestamp with time zone NOT NULL
);


--
-- Name: feed_watermarks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feed_watermarks (
    path character varying(512) NOT NULL,
    seq bigint NOT NULL,
    config_hash character varying(64) NOT NULL,
    rendered_at timestamp with time zone NOT NULL,
    size integer NOT NULL,
    run_id bigint
);


--
-- Name: job_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.job_runs (
    id bigint NOT NULL,
    job character varying(200) NOT NULL,
    kind character varying(32) NOT NULL,
    fire_time timestamp with time zone NOT NULL,
    started timestamp with time zone NOT NULL,
    finished timestamp with time zone,
    status character varying(16) NOT NULL,
    error text,
    counts text,
    owner character varying(255) NOT NULL,
    attempts integer NOT NULL
);


--
-- Name: job_runs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.job_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: job_runs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.job_runs_id_seq OWNED BY public.job_runs.id;


--
-- Name: publish_cursors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.publish_cursors (
    name character varying(64) NOT NULL,
    seq bigint NOT NULL,
    at timestamp with time zone
);


--
-- Name: publish_timers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.publish_timers (
    article_id character varying(255) NOT NULL,
    due_at timestamp with time zone NOT NULL,
    lang character varying(35) NOT NULL,
    category character varying(100) NOT NULL
);


--
-- Name: push_queue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.push_queue (
    id bigint NOT NULL,
    partner character varying(100) NOT NULL,
    cursor bigint NOT NULL,
    version_seq bigint NOT NULL,
    article_id character varying(255) NOT NULL,
    version integer NOT NULL,
    state character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    lease_until timestamp with time zone,
    claimed_by character varying(100),
    last_error text,
    last_status integer,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: push_queue_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.push_queue_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: push_queue_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.push_queue_id_seq OWNED BY public.push_queue.id;


--
-- Name: translation_memory; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.translation_memory (
    engine character varying(64) NOT NULL,
    model_id character varying(255) NOT NULL,
    src character varying(35) NOT NULL,
    dst character varying(35) NOT NULL,
    source_hash character varying(64) NOT NULL,
    target text NOT NULL
);


--
-- Name: article_versions seq; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_versions ALTER COLUMN seq SET DEFAULT nextval('public.article_versions_seq_seq'::regclass);


--
-- Name: job_runs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.job_runs ALTER COLUMN id SET DEFAULT nextval('public.job_runs_id_seq'::regclass);


--
-- Name: push_queue id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_queue ALTER COLUMN id SET DEFAULT nextval('public.push_queue_id_seq'::regclass);


--
-- Data for Name: article_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.article_versions (seq, article_id, version, content_hash, recorded_at, data) FROM stdin;
1	nv-0301-council-budget	1	2ed9e4300f07a7adcfd9212c7219d04fd7dadc1984261f233c57c2fb82e4d1f2	2026-03-01 10:00:00+00	{"author": "City hall desk", "body_html": "<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to six, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p>", "category": "politics", "content_hash": "2ed9e4300f07a7adcfd9212c7219d04fd7dadc1984261f233c57c2fb82e4d1f2", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T08:00:00+00:00", "source_version": null, "status": "usable", "summary": "The council passed next year's budget by nine votes to six after an eleven-hour debate.", "title": "Riverside council approves budget after late-night session", "translation_of": null, "updated": null, "url": "https://news.example.org/en/politics/council-budget", "version": 1}
2	nv-0301-port-fees	1	a9b581d4564d596e5148daed6c4e3a035a0f971ec76ff7212a40de33025b9e4f	2026-03-01 10:00:00+00	{"author": "Business desk", "body_html": "<p>The port authority said on Sunday it will raise container handling fees by twelve percent from the first of April, the first increase in six years.</p><p>The authority blamed higher energy and maintenance costs. Two shipping lines said they would pass the increase on to importers.</p>", "category": "economy", "content_hash": "a9b581d4564d596e5148daed6c4e3a035a0f971ec76ff7212a40de33025b9e4f", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-port-fees", "id": "nv-0301-port-fees", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T07:30:00+00:00", "source_version": null, "status": "usable", "summary": "Shipping firms will pay twelve percent more per container from April.", "title": "Port authority raises container fees for the first time in six years", "translation_of": null, "updated": null, "url": "https://news.example.org/en/economy/port-fees", "version": 1}
3	nv-0301-ar-parliament-session	1	04c5964124d4a67fb46d432b67b7308b3fd81dbe94d43b04765ee7169df488e5	2026-03-01 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة أسبوع، بعد خلاف بين الكتل حول توزيع الدوائر.</p><p>وقال رئيس البرلمان إن التأجيل يهدف إلى الوصول إلى توافق أوسع قبل التصويت.</p>", "category": "politics", "content_hash": "04c5964124d4a67fb46d432b67b7308b3fd81dbe94d43b04765ee7169df488e5", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-parliament-session", "id": "nv-0301-ar-parliament-session", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T06:00:00+00:00", "source_version": null, "status": "usable", "summary": "قرر رئيس البرلمان تأجيل الجلسة أسبوعاً لإتاحة الوقت لمزيد من المشاورات.", "title": "البرلمان يؤجل التصويت على قانون الانتخابات المحلية", "translation_of": null, "updated": null, "url": "https://news.example.org/ar/politics/parliament-session", "version": 1}
4	nv-0301-ar-bread-prices	1	bc0a3e48f8d783938c3e576dd4c658dd6f7d2b320b54b54357c909899db7a799	2026-03-01 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>ارتفعت أسعار الخبز في أسواق المدن الشمالية بنسبة عشرة في المئة خلال الأسبوعين الماضيين، بحسب جمعية حماية المستهلك.</p><p>وعزا أصحاب المخابز الارتفاع إلى زيادة كلفة الطحين والوقود.</p>", "category": "economy", "content_hash": "bc0a3e48f8d783938c3e576dd4c658dd6f7d2b320b54b54357c909899db7a799", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-bread-prices", "id": "nv-0301-ar-bread-prices", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T09:00:00+00:00", "source_version": null, "status": "usable", "summary": "ارتفع سعر ربطة الخبز بنسبة عشرة في المئة خلال أسبوعين.", "title": "ارتفاع أسعار الخبز في الأسواق الشمالية", "translation_of": null, "updated": null, "url": null, "version": 1}
5	nv-0301-wetland-survey	1	b53bf2f718c0ddfc28ab301712b71bfcdb61fec74b7d6db42655baecc53007b9	2026-03-01 10:00:00+00	{"author": "Environment desk", "body_html": "<p>Volunteers taking part in the annual bird survey at the <a href=\\"https://news.example.org/en/environment/millbrook\\">Millbrook wetland</a> counted 214 grey herons, the highest number since the count began in 1998.</p><p>Conservation officers credited the restoration of reed beds along the eastern bank.</p>", "category": "environment", "content_hash": "b53bf2f718c0ddfc28ab301712b71bfcdb61fec74b7d6db42655baecc53007b9", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-wetland-survey", "id": "nv-0301-wetland-survey", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T05:00:00+00:00", "source_version": null, "status": "usable", "summary": "The annual survey found 214 grey herons, the highest count since records began.", "title": "Volunteers count record number of herons at Millbrook wetland", "translation_of": null, "updated": null, "url": null, "version": 1}
6	nv-0301-summit-statement	1	1223faf824292e82443927fe856201daa964d1ae86a4db52b31c0931cbd0d383	2026-03-01 10:00:00+00	{"author": "Diplomatic desk", "body_html": "<p>Leaders of the three riverside countries will sign a declaration on sharing the river's water at a summit on Monday, according to a text seen by North Valley Newsroom.</p><p>The declaration sets seasonal quotas and creates a joint monitoring commission.</p>", "category": "politics", "content_hash": "1223faf824292e82443927fe856201daa964d1ae86a4db52b31c0931cbd0d383", "correction_note": null, "credit": "North Valley Newsroom", "embargo": "2026-03-02T06:00:00+00:00", "family": "nv-0301-summit-statement", "id": "nv-0301-summit-statement", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T09:30:00+00:00", "source_version": null, "status": "usable", "summary": "The declaration sets quotas for the three countries along the river.", "title": "Regional leaders to sign water-sharing declaration", "translation_of": null, "updated": null, "url": null, "version": 1}
7	nv-0301-jobs-report	1	7aef18e8073f256569bdac1e1f501124b4b23d1f6559e5cc762e667db1a2cb6f	2026-03-01 10:00:00+00	{"author": "Business desk", "body_html": "<p>Unemployment in the valley fell to 6.1 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p>", "category": "economy", "content_hash": "7aef18e8073f256569bdac1e1f501124b4b23d1f6559e5cc762e667db1a2cb6f", "correction_note": null, "credit": "North Valley Statistics Office", "embargo": null, "family": "nv-0301-jobs-report", "id": "nv-0301-jobs-report", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T09:45:00+00:00", "source_version": null, "status": "usable", "summary": "The statistics office reported 4,800 new jobs last month.", "title": "Unemployment falls to 6.1 percent in February", "translation_of": null, "updated": null, "url": null, "version": 1}
8	nv-0301-council-budget-ar	1	9b5ce7e015a43645056ed6ba5ec7ee30952896f10c1fa9ca1de3bb2c4f265837	2026-03-01 10:00:00+00	{"author": "مكتب البلدية", "body_html": "<p>أقر المجلس البلدي في ريفرسايد موازنة العام المقبل فجر الأحد بتسعة أصوات مقابل ستة، بعد جلسة استمرت إحدى عشرة ساعة وتجاوزت منتصف الليل.</p><p>ترفع الموازنة الإنفاق على النقل العام وترميم المدارس. وقال أعضاء المعارضة إن الخطة تعتمد على توقعات متفائلة للإيرادات.</p>", "category": "politics", "content_hash": "9b5ce7e015a43645056ed6ba5ec7ee30952896f10c1fa9ca1de3bb2c4f265837", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget-ar", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "human", "published": "2026-03-01T08:00:00+00:00", "source_version": null, "status": "usable", "summary": "أقر المجلس موازنة العام المقبل بتسعة أصوات مقابل ستة بعد نقاش استمر إحدى عشرة ساعة.", "title": "مجلس ريفرسايد يقر الموازنة بعد جلسة امتدت حتى الفجر", "translation_of": "nv-0301-council-budget", "updated": null, "url": "https://news.example.org/ar/politics/council-budget", "version": 1}
9	nv-0301-jobs-report~es	1	f8b8cbc7dbf9b115ce280c22a917de8f7f875030e3dd3bedf35bd93c085425de	2026-03-01 10:00:00+00	{"author": "Business desk", "body_html": "<p>Unemployment in the valley fell to 6.1 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p>", "category": "economy", "content_hash": "f8b8cbc7dbf9b115ce280c22a917de8f7f875030e3dd3bedf35bd93c085425de", "correction_note": null, "credit": "North Valley Statistics Office", "embargo": null, "family": "nv-0301-jobs-report", "id": "nv-0301-jobs-report~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T09:45:00+00:00", "source_version": 1, "status": "usable", "summary": "The statistics office reported 4,800 new jobs last month.", "title": "Unemployment falls to 6.1 percent in February", "translation_of": "nv-0301-jobs-report", "updated": null, "url": null, "version": 1}
10	nv-0301-summit-statement~es	1	ad592a13b4b3bbe1fdaf08f676ab9c562ed79afd7275da23066ad015ad62ae44	2026-03-01 10:00:00+00	{"author": "Diplomatic desk", "body_html": "<p>Leaders of the three riverside countries will sign a declaration on sharing the river's water at a summit on Monday, according to a text seen by North Valley Newsroom.</p><p>The declaration sets seasonal quotas and creates a joint monitoring commission.</p>", "category": "politics", "content_hash": "ad592a13b4b3bbe1fdaf08f676ab9c562ed79afd7275da23066ad015ad62ae44", "correction_note": null, "credit": "North Valley Newsroom", "embargo": "2026-03-02T06:00:00+00:00", "family": "nv-0301-summit-statement", "id": "nv-0301-summit-statement~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T09:30:00+00:00", "source_version": 1, "status": "usable", "summary": "The declaration sets quotas for the three countries along the river.", "title": "Regional leaders to sign water-sharing declaration", "translation_of": "nv-0301-summit-statement", "updated": null, "url": null, "version": 1}
11	nv-0301-ar-bread-prices~es	1	649326fcda6f01806aee94cc72bf36adccd50d0fc562cf63a836b2f9fbfbdc7e	2026-03-01 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>ارتفعت أسعار الخبز في أسواق المدن الشمالية بنسبة عشرة في المئة خلال الأسبوعين الماضيين، بحسب جمعية حماية المستهلك.</p><p>وعزا أصحاب المخابز الارتفاع إلى زيادة كلفة الطحين والوقود.</p>", "category": "economy", "content_hash": "649326fcda6f01806aee94cc72bf36adccd50d0fc562cf63a836b2f9fbfbdc7e", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-bread-prices", "id": "nv-0301-ar-bread-prices~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T09:00:00+00:00", "source_version": 1, "status": "usable", "summary": "ارتفع سعر ربطة الخبز بنسبة عشرة في المئة خلال أسبوعين.", "title": "ارتفاع أسعار الخبز في الأسواق الشمالية", "translation_of": "nv-0301-ar-bread-prices", "updated": null, "url": null, "version": 1}
12	nv-0301-council-budget~es	1	2257c6cc6fe655e0d4c84627ff82b030f286fb796a8e6105f222fdf51e3436a5	2026-03-01 10:00:00+00	{"author": "City hall desk", "body_html": "<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to six, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p>", "category": "politics", "content_hash": "2257c6cc6fe655e0d4c84627ff82b030f286fb796a8e6105f222fdf51e3436a5", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T08:00:00+00:00", "source_version": 1, "status": "usable", "summary": "The council passed next year's budget by nine votes to six after an eleven-hour debate.", "title": "Riverside council approves budget after late-night session", "translation_of": "nv-0301-council-budget", "updated": null, "url": "https://news.example.org/en/politics/council-budget", "version": 1}
13	nv-0301-port-fees~es	1	f752e95809a7f3a9bc1e4fe2425a0b199a55157c8f43e27cb1dbdd5d0e4dbceb	2026-03-01 10:00:00+00	{"author": "Business desk", "body_html": "<p>The port authority said on Sunday it will raise container handling fees by twelve percent from the first of April, the first increase in six years.</p><p>The authority blamed higher energy and maintenance costs. Two shipping lines said they would pass the increase on to importers.</p>", "category": "economy", "content_hash": "f752e95809a7f3a9bc1e4fe2425a0b199a55157c8f43e27cb1dbdd5d0e4dbceb", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-port-fees", "id": "nv-0301-port-fees~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T07:30:00+00:00", "source_version": 1, "status": "usable", "summary": "Shipping firms will pay twelve percent more per container from April.", "title": "Port authority raises container fees for the first time in six years", "translation_of": "nv-0301-port-fees", "updated": null, "url": "https://news.example.org/en/economy/port-fees", "version": 1}
14	nv-0301-ar-parliament-session~es	1	20cd2efb6ce5b9231445539a10886ebebace2916f6afc3d4a858cd4edc33e929	2026-03-01 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة أسبوع، بعد خلاف بين الكتل حول توزيع الدوائر.</p><p>وقال رئيس البرلمان إن التأجيل يهدف إلى الوصول إلى توافق أوسع قبل التصويت.</p>", "category": "politics", "content_hash": "20cd2efb6ce5b9231445539a10886ebebace2916f6afc3d4a858cd4edc33e929", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-parliament-session", "id": "nv-0301-ar-parliament-session~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T06:00:00+00:00", "source_version": 1, "status": "usable", "summary": "قرر رئيس البرلمان تأجيل الجلسة أسبوعاً لإتاحة الوقت لمزيد من المشاورات.", "title": "البرلمان يؤجل التصويت على قانون الانتخابات المحلية", "translation_of": "nv-0301-ar-parliament-session", "updated": null, "url": "https://news.example.org/ar/politics/parliament-session", "version": 1}
15	nv-0301-wetland-survey~es	1	d88d4a2d3e862b5b3fd24cfa968e9fd6384660cbc12ab533b8555eae768d8dd3	2026-03-01 10:00:00+00	{"author": "Environment desk", "body_html": "<p>Volunteers taking part in the annual bird survey at the <a href=\\"https://news.example.org/en/environment/millbrook\\">Millbrook wetland</a> counted 214 grey herons, the highest number since the count began in 1998.</p><p>Conservation officers credited the restoration of reed beds along the eastern bank.</p>", "category": "environment", "content_hash": "d88d4a2d3e862b5b3fd24cfa968e9fd6384660cbc12ab533b8555eae768d8dd3", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-wetland-survey", "id": "nv-0301-wetland-survey~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T05:00:00+00:00", "source_version": 1, "status": "usable", "summary": "The annual survey found 214 grey herons, the highest count since records began.", "title": "Volunteers count record number of herons at Millbrook wetland", "translation_of": "nv-0301-wetland-survey", "updated": null, "url": null, "version": 1}
16	nv-0301-council-budget	2	cbb732c7040bfadf5b8453d921286a944fdb66262c997f251cf4db47d67d2b44	2026-03-02 10:00:00+00	{"author": "City hall desk", "body_html": "<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to six, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p><p>The mayor is expected to sign the budget on Tuesday. Two councillors said they would ask for a review of the transport spending.</p>", "category": "politics", "content_hash": "cbb732c7040bfadf5b8453d921286a944fdb66262c997f251cf4db47d67d2b44", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T08:00:00+00:00", "source_version": null, "status": "usable", "summary": "The council passed next year's budget by nine votes to six after an eleven-hour debate.", "title": "Riverside council approves budget after late-night session", "translation_of": null, "updated": "2026-03-02T08:00:00+00:00", "url": "https://news.example.org/en/politics/council-budget", "version": 2}
17	nv-0301-jobs-report	2	f60852bffdfe1e09abc84c1cc0cf2fd7d8550301dc3249becb3cc4443c3d358b	2026-03-02 10:00:00+00	{"author": "Business desk", "body_html": "<p>Unemployment in the valley fell to 6.1 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p><p>Youth unemployment fell to 14.2 percent, its lowest level in three years.</p>", "category": "economy", "content_hash": "f60852bffdfe1e09abc84c1cc0cf2fd7d8550301dc3249becb3cc4443c3d358b", "correction_note": null, "credit": "North Valley Statistics Office", "embargo": null, "family": "nv-0301-jobs-report", "id": "nv-0301-jobs-report", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T09:45:00+00:00", "source_version": null, "status": "usable", "summary": "The statistics office reported 4,800 new jobs last month, with youth unemployment also down.", "title": "Unemployment falls to 6.1 percent in February", "translation_of": null, "updated": "2026-03-02T07:15:00+00:00", "url": null, "version": 2}
18	nv-0301-port-fees	2	9e1e25f36e190c474f7fd22cdb5ea19b453df0a44f1d348866c524b5ed9a319d	2026-03-02 10:00:00+00	{"author": "Business desk", "body_html": "<p>The port authority said on Sunday it will raise container handling fees by twelve percent from the first of April, the first increase in six years.</p><p>The authority blamed higher energy and maintenance costs. Two shipping lines said they would pass the increase on to importers.</p><p>The importers' association said on Monday the increase would add about 0.3 percent to consumer prices.</p>", "category": "economy", "content_hash": "9e1e25f36e190c474f7fd22cdb5ea19b453df0a44f1d348866c524b5ed9a319d", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-port-fees", "id": "nv-0301-port-fees", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T07:30:00+00:00", "source_version": null, "status": "usable", "summary": "Shipping firms will pay twelve percent more per container from April.", "title": "Port authority raises container fees; importers warn of higher prices", "translation_of": null, "updated": "2026-03-02T09:20:00+00:00", "url": "https://news.example.org/en/economy/port-fees", "version": 2}
19	nv-0302-election-date	1	6c04d44e9a04c469225c8e2a89d4412f7705141786167b81ad3eb8e414d5e61d	2026-03-02 10:00:00+00	{"author": "Political desk", "body_html": "<p>The electoral commission on Monday set the date of the local elections for the fourteenth of June.</p><p>Voter registration opens next Monday and runs for six weeks. The commission said it would open forty new polling stations in rural districts.</p>", "category": "politics", "content_hash": "6c04d44e9a04c469225c8e2a89d4412f7705141786167b81ad3eb8e414d5e61d", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0302-election-date", "id": "nv-0302-election-date", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-02T07:00:00+00:00", "source_version": null, "status": "usable", "summary": "Voter registration opens next week and runs for six weeks.", "title": "Electoral commission sets local elections for the fourteenth of June", "translation_of": null, "updated": null, "url": "https://news.example.org/en/politics/election-date", "version": 1}
20	nv-0302-ar-border-crossing	1	a68b48ee23ffb6370bf1ca0c9368d44422e231ba62d41352c4f95a1169659f5c	2026-03-02 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أعادت السلطات يوم الاثنين فتح معبر الشمال أمام المسافرين بعد إغلاق دام ثلاثة أشهر لأعمال الصيانة.</p><p>وسيعمل المعبر من السادسة صباحاً حتى العاشرة ليلاً.</p>", "category": "politics", "content_hash": "a68b48ee23ffb6370bf1ca0c9368d44422e231ba62d41352c4f95a1169659f5c", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0302-ar-border-crossing", "id": "nv-0302-ar-border-crossing", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-02T08:30:00+00:00", "source_version": null, "status": "usable", "summary": "أعيد فتح المعبر بعد إغلاق دام ثلاثة أشهر بسبب أعمال الصيانة.", "title": "إعادة فتح معبر الشمال أمام المسافرين", "translation_of": null, "updated": null, "url": null, "version": 1}
21	nv-0302-central-bank-rates	1	f2ff6d8b491b2d087ed23c3cf9f47f116b1d25ac47d20c175b3db4448f37849f	2026-03-02 10:00:00+00	{"author": "Business desk", "body_html": "<p>The central bank cut its main interest rate by a quarter of a percentage point to 3.25 percent, citing slower inflation over the winter.</p><p>The governor said further cuts would depend on energy prices.</p>", "category": "economy", "content_hash": "f2ff6d8b491b2d087ed23c3cf9f47f116b1d25ac47d20c175b3db4448f37849f", "correction_note": null, "credit": "North Valley Newsroom", "embargo": "2026-03-04T12:00:00+00:00", "family": "nv-0302-central-bank-rates", "id": "nv-0302-central-bank-rates", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-02T09:00:00+00:00", "source_version": null, "status": "usable", "summary": "The bank lowered the rate to 3.25 percent, citing slower inflation.", "title": "Central bank cuts its main rate by a quarter point", "translation_of": null, "updated": null, "url": null, "version": 1}
22	nv-0302-flood-warning	1	3181325bf5156bf180894674837db8b58cffe9c43789d49db1e3ce7bee2203d0	2026-03-02 10:00:00+00	{"author": "Environment desk", "body_html": "<p>The weather service issued a flood warning for the lower river valley on Monday, with heavy rain expected through Wednesday.</p><p>Residents of low-lying streets were advised to move vehicles and valuables to higher ground.</p>", "category": "environment", "content_hash": "3181325bf5156bf180894674837db8b58cffe9c43789d49db1e3ce7bee2203d0", "correction_note": null, "credit": "North Valley Weather Service", "embargo": null, "family": "nv-0302-flood-warning", "id": "nv-0302-flood-warning", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-02T06:30:00+00:00", "source_version": null, "status": "usable", "summary": "Heavy rain is expected to raise river levels by up to two metres.", "title": "Flood warning issued for the lower river valley", "translation_of": null, "updated": null, "url": null, "version": 1}
23	nv-0302-ar-fuel-subsidy	1	ec0bb0b6e0a07b6b88f262271eeb1cf4597b6991e8cbfa0496f8a9561b6e7f13	2026-03-02 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>قالت مصادر حكومية إن مجلس الوزراء يدرس خطة لخفض دعم الوقود تدريجياً على مدى عامين.</p><p>ولم يصدر أي تعليق رسمي حتى الآن.</p>", "category": "economy", "content_hash": "ec0bb0b6e0a07b6b88f262271eeb1cf4597b6991e8cbfa0496f8a9561b6e7f13", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0302-ar-fuel-subsidy", "id": "nv-0302-ar-fuel-subsidy", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-02T09:40:00+00:00", "source_version": null, "status": "usable", "summary": "تناقش الحكومة خطة لخفض الدعم تدريجياً خلال عامين.", "title": "الحكومة تدرس خفض دعم الوقود", "translation_of": null, "updated": null, "url": null, "version": 1}
24	nv-0301-council-budget-ar	2	175ae589cb5ed425d2bdd6afa1ce8c619c5bfaf2fe31d62d0291680b0d1ce4fe	2026-03-02 10:00:00+00	{"author": "مكتب البلدية", "body_html": "<p>أقر المجلس البلدي في ريفرسايد موازنة العام المقبل فجر الأحد بتسعة أصوات مقابل ستة، بعد جلسة استمرت إحدى عشرة ساعة وتجاوزت منتصف الليل.</p><p>ترفع الموازنة الإنفاق على النقل العام وترميم المدارس. وقال أعضاء المعارضة إن الخطة تعتمد على توقعات متفائلة للإيرادات.</p><p>ومن المتوقع أن يوقّع رئيس البلدية على الموازنة يوم الثلاثاء. وقال عضوان في المجلس إنهما سيطلبان مراجعة بنود النقل.</p>", "category": "politics", "content_hash": "175ae589cb5ed425d2bdd6afa1ce8c619c5bfaf2fe31d62d0291680b0d1ce4fe", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget-ar", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "human", "published": "2026-03-01T08:00:00+00:00", "source_version": null, "status": "usable", "summary": "أقر المجلس موازنة العام المقبل بتسعة أصوات مقابل ستة بعد نقاش استمر إحدى عشرة ساعة.", "title": "مجلس ريفرسايد يقر الموازنة بعد جلسة امتدت حتى الفجر", "translation_of": "nv-0301-council-budget", "updated": "2026-03-02T08:10:00+00:00", "url": "https://news.example.org/ar/politics/council-budget", "version": 2}
25	nv-0302-ar-fuel-subsidy~es	1	b772f1b11119c3e28f73da99b9edaecb2df97fc597d56886ddec6b13208c0fd7	2026-03-02 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>قالت مصادر حكومية إن مجلس الوزراء يدرس خطة لخفض دعم الوقود تدريجياً على مدى عامين.</p><p>ولم يصدر أي تعليق رسمي حتى الآن.</p>", "category": "economy", "content_hash": "b772f1b11119c3e28f73da99b9edaecb2df97fc597d56886ddec6b13208c0fd7", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0302-ar-fuel-subsidy", "id": "nv-0302-ar-fuel-subsidy~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-02T09:40:00+00:00", "source_version": 1, "status": "usable", "summary": "تناقش الحكومة خطة لخفض الدعم تدريجياً خلال عامين.", "title": "الحكومة تدرس خفض دعم الوقود", "translation_of": "nv-0302-ar-fuel-subsidy", "updated": null, "url": null, "version": 1}
26	nv-0302-central-bank-rates~es	1	c55f60587b911b30c51446f687e83b54209866c2fbee55820521816ac11594bc	2026-03-02 10:00:00+00	{"author": "Business desk", "body_html": "<p>The central bank cut its main interest rate by a quarter of a percentage point to 3.25 percent, citing slower inflation over the winter.</p><p>The governor said further cuts would depend on energy prices.</p>", "category": "economy", "content_hash": "c55f60587b911b30c51446f687e83b54209866c2fbee55820521816ac11594bc", "correction_note": null, "credit": "North Valley Newsroom", "embargo": "2026-03-04T12:00:00+00:00", "family": "nv-0302-central-bank-rates", "id": "nv-0302-central-bank-rates~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-02T09:00:00+00:00", "source_version": 1, "status": "usable", "summary": "The bank lowered the rate to 3.25 percent, citing slower inflation.", "title": "Central bank cuts its main rate by a quarter point", "translation_of": "nv-0302-central-bank-rates", "updated": null, "url": null, "version": 1}
27	nv-0302-ar-border-crossing~es	1	f30d3eb972e9f2a4fcec83e1117fa346fcb6d86e1419da157037c6dd5e795cf8	2026-03-02 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أعادت السلطات يوم الاثنين فتح معبر الشمال أمام المسافرين بعد إغلاق دام ثلاثة أشهر لأعمال الصيانة.</p><p>وسيعمل المعبر من السادسة صباحاً حتى العاشرة ليلاً.</p>", "category": "politics", "content_hash": "f30d3eb972e9f2a4fcec83e1117fa346fcb6d86e1419da157037c6dd5e795cf8", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0302-ar-border-crossing", "id": "nv-0302-ar-border-crossing~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-02T08:30:00+00:00", "source_version": 1, "status": "usable", "summary": "أعيد فتح المعبر بعد إغلاق دام ثلاثة أشهر بسبب أعمال الصيانة.", "title": "إعادة فتح معبر الشمال أمام المسافرين", "translation_of": "nv-0302-ar-border-crossing", "updated": null, "url": null, "version": 1}
28	nv-0302-election-date~es	1	94805b6d3f45fe6391f32001bf1ccd8e9f92e8134cb26a7d773bbf5a69eb1744	2026-03-02 10:00:00+00	{"author": "Political desk", "body_html": "<p>The electoral commission on Monday set the date of the local elections for the fourteenth of June.</p><p>Voter registration opens next Monday and runs for six weeks. The commission said it would open forty new polling stations in rural districts.</p>", "category": "politics", "content_hash": "94805b6d3f45fe6391f32001bf1ccd8e9f92e8134cb26a7d773bbf5a69eb1744", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0302-election-date", "id": "nv-0302-election-date~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-02T07:00:00+00:00", "source_version": 1, "status": "usable", "summary": "Voter registration opens next week and runs for six weeks.", "title": "Electoral commission sets local elections for the fourteenth of June", "translation_of": "nv-0302-election-date", "updated": null, "url": "https://news.example.org/en/politics/election-date", "version": 1}
29	nv-0302-flood-warning~es	1	c1b38ff607bee44a7ac55f6f8694d24dd5d903849be45908532857f2c75ef7b7	2026-03-02 10:00:00+00	{"author": "Environment desk", "body_html": "<p>The weather service issued a flood warning for the lower river valley on Monday, with heavy rain expected through Wednesday.</p><p>Residents of low-lying streets were advised to move vehicles and valuables to higher ground.</p>", "category": "environment", "content_hash": "c1b38ff607bee44a7ac55f6f8694d24dd5d903849be45908532857f2c75ef7b7", "correction_note": null, "credit": "North Valley Weather Service", "embargo": null, "family": "nv-0302-flood-warning", "id": "nv-0302-flood-warning~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-02T06:30:00+00:00", "source_version": 1, "status": "usable", "summary": "Heavy rain is expected to raise river levels by up to two metres.", "title": "Flood warning issued for the lower river valley", "translation_of": "nv-0302-flood-warning", "updated": null, "url": null, "version": 1}
30	nv-0301-jobs-report~es	2	ae3e52c7eec3b8b11cf3e5e1080a6aa4380d54f6242a0e8c602ce44bdd00d109	2026-03-02 10:00:00+00	{"author": "Business desk", "body_html": "<p>Unemployment in the valley fell to 6.1 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p><p>Youth unemployment fell to 14.2 percent, its lowest level in three years.</p>", "category": "economy", "content_hash": "ae3e52c7eec3b8b11cf3e5e1080a6aa4380d54f6242a0e8c602ce44bdd00d109", "correction_note": null, "credit": "North Valley Statistics Office", "embargo": null, "family": "nv-0301-jobs-report", "id": "nv-0301-jobs-report~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T09:45:00+00:00", "source_version": 2, "status": "usable", "summary": "The statistics office reported 4,800 new jobs last month, with youth unemployment also down.", "title": "Unemployment falls to 6.1 percent in February", "translation_of": "nv-0301-jobs-report", "updated": "2026-03-02T07:15:00+00:00", "url": null, "version": 2}
43	nv-0305-cabinet-reshuffle~es	1	6c87b118d68b207910994443f289207642aab00e605884f725172771e51083b6	2026-03-03 10:00:00+00	{"author": "Political desk", "body_html": "<p>The prime minister will announce changes to the cabinet on Thursday, his office said.</p><p>The ministries of transport, health and agriculture are expected to get new ministers.</p>", "category": "politics", "content_hash": "6c87b118d68b207910994443f289207642aab00e605884f725172771e51083b6", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0305-cabinet-reshuffle", "id": "nv-0305-cabinet-reshuffle~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-05T09:00:00+00:00", "source_version": 1, "status": "usable", "summary": "Three ministries are expected to get new ministers.", "title": "Prime minister to announce cabinet changes on Thursday", "translation_of": "nv-0305-cabinet-reshuffle", "updated": null, "url": null, "version": 1}
31	nv-0301-council-budget~es	2	8be47a49a27267ea5238b941e3ce3b1c2773dc68075d6aec275659dfb9399598	2026-03-02 10:00:00+00	{"author": "City hall desk", "body_html": "<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to six, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p><p>The mayor is expected to sign the budget on Tuesday. Two councillors said they would ask for a review of the transport spending.</p>", "category": "politics", "content_hash": "8be47a49a27267ea5238b941e3ce3b1c2773dc68075d6aec275659dfb9399598", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T08:00:00+00:00", "source_version": 2, "status": "usable", "summary": "The council passed next year's budget by nine votes to six after an eleven-hour debate.", "title": "Riverside council approves budget after late-night session", "translation_of": "nv-0301-council-budget", "updated": "2026-03-02T08:00:00+00:00", "url": "https://news.example.org/en/politics/council-budget", "version": 2}
32	nv-0301-port-fees~es	2	56dbb5a76d85ff7081ae307ead33beb60afbb5efd764cb481a21086c898caeff	2026-03-02 10:00:00+00	{"author": "Business desk", "body_html": "<p>The port authority said on Sunday it will raise container handling fees by twelve percent from the first of April, the first increase in six years.</p><p>The authority blamed higher energy and maintenance costs. Two shipping lines said they would pass the increase on to importers.</p><p>The importers' association said on Monday the increase would add about 0.3 percent to consumer prices.</p>", "category": "economy", "content_hash": "56dbb5a76d85ff7081ae307ead33beb60afbb5efd764cb481a21086c898caeff", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-port-fees", "id": "nv-0301-port-fees~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T07:30:00+00:00", "source_version": 2, "status": "usable", "summary": "Shipping firms will pay twelve percent more per container from April.", "title": "Port authority raises container fees; importers warn of higher prices", "translation_of": "nv-0301-port-fees", "updated": "2026-03-02T09:20:00+00:00", "url": "https://news.example.org/en/economy/port-fees", "version": 2}
33	nv-0301-jobs-report	3	abe0dbb0246e9acbc4dfeafe5d0d012022b9ac1fec1c4b43173f4520cfa8a23d	2026-03-03 10:00:00+00	{"author": "Business desk", "body_html": "<p>Unemployment in the valley fell to 6.2 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p><p>Youth unemployment fell to 14.2 percent, its lowest level in three years.</p>", "category": "economy", "content_hash": "abe0dbb0246e9acbc4dfeafe5d0d012022b9ac1fec1c4b43173f4520cfa8a23d", "correction_note": "An earlier version of this article gave the February unemployment rate as 6.1 percent; the statistics office's figure is 6.2 percent.", "credit": "North Valley Statistics Office", "embargo": null, "family": "nv-0301-jobs-report", "id": "nv-0301-jobs-report", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T09:45:00+00:00", "source_version": null, "status": "usable", "summary": "The statistics office reported 4,800 new jobs last month, with youth unemployment also down.", "title": "Unemployment falls to 6.2 percent in February", "translation_of": null, "updated": "2026-03-03T08:00:00+00:00", "url": null, "version": 3}
34	nv-0302-flood-warning	2	f3729c900b482a7c60aa2710f292f07f0300f68e41d883f5e5648679ea900619	2026-03-03 10:00:00+00	{"author": "Environment desk", "body_html": "<p>The weather service issued a flood warning for the lower river valley on Monday, with heavy rain expected through Wednesday.</p><p>Residents of low-lying streets were advised to move vehicles and valuables to higher ground.</p>", "category": "environment", "content_hash": "f3729c900b482a7c60aa2710f292f07f0300f68e41d883f5e5648679ea900619", "correction_note": null, "credit": "North Valley Weather Service", "embargo": null, "family": "nv-0302-flood-warning", "id": "nv-0302-flood-warning", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-02T06:30:00+00:00", "source_version": null, "status": "withheld", "summary": "Heavy rain is expected to raise river levels by up to two metres.", "title": "Flood warning issued for the lower river valley", "translation_of": null, "updated": "2026-03-03T07:30:00+00:00", "url": null, "version": 2}
35	nv-0302-ar-fuel-subsidy	2	90148f16d1a5c76189ba1b9c691b2d16319694c2c0cf066d63d7aed75621aecb	2026-03-03 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>قالت مصادر حكومية إن مجلس الوزراء يدرس خطة لخفض دعم الوقود تدريجياً على مدى عامين.</p><p>ولم يصدر أي تعليق رسمي حتى الآن.</p>", "category": "economy", "content_hash": "90148f16d1a5c76189ba1b9c691b2d16319694c2c0cf066d63d7aed75621aecb", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0302-ar-fuel-subsidy", "id": "nv-0302-ar-fuel-subsidy", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-02T09:40:00+00:00", "source_version": null, "status": "canceled", "summary": "تناقش الحكومة خطة لخفض الدعم تدريجياً خلال عامين.", "title": "الحكومة تدرس خفض دعم الوقود", "translation_of": null, "updated": "2026-03-03T06:45:00+00:00", "url": null, "version": 2}
36	nv-0301-ar-parliament-session	2	bac1c456686ea4bd3010d658716e1afb236a8c944aadfca76286fa8911c12ec4	2026-03-03 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة عشرة أيام، بعد خلاف بين الكتل حول توزيع الدوائر.</p><p>وقال رئيس البرلمان إن التأجيل يهدف إلى الوصول إلى توافق أوسع قبل التصويت.</p>", "category": "politics", "content_hash": "bac1c456686ea4bd3010d658716e1afb236a8c944aadfca76286fa8911c12ec4", "correction_note": "ذكرت نسخة سابقة من هذا الخبر أن التأجيل لمدة أسبوع، والصحيح أنه لمدة عشرة أيام.", "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-parliament-session", "id": "nv-0301-ar-parliament-session", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T06:00:00+00:00", "source_version": null, "status": "usable", "summary": "قرر رئيس البرلمان تأجيل الجلسة عشرة أيام لإتاحة الوقت لمزيد من المشاورات.", "title": "البرلمان يؤجل التصويت على قانون الانتخابات المحلية", "translation_of": null, "updated": "2026-03-03T08:20:00+00:00", "url": "https://news.example.org/ar/politics/parliament-session", "version": 2}
37	nv-0301-council-budget	3	41ec50803fa2735b7cb4ea6b46d76b704d355ec214d2288a547d96e1c18ee8c0	2026-03-03 10:00:00+00	{"author": "City hall desk", "body_html": "<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to five, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p><p>The mayor is expected to sign the budget on Tuesday. Two councillors said they would ask for a review of the transport spending.</p>", "category": "politics", "content_hash": "41ec50803fa2735b7cb4ea6b46d76b704d355ec214d2288a547d96e1c18ee8c0", "correction_note": "An earlier version said the vote was nine to six; one councillor abstained, so the vote was nine to five.", "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T08:00:00+00:00", "source_version": null, "status": "usable", "summary": "The council passed next year's budget by nine votes to five after an eleven-hour debate.", "title": "Riverside council approves budget after late-night session", "translation_of": null, "updated": "2026-03-03T09:00:00+00:00", "url": "https://news.example.org/en/politics/council-budget", "version": 3}
38	nv-0301-ar-bread-prices	2	e111b24e888fa4589e6000846f04c4eac87fa1e770116d4719e02c1da9bd9c51	2026-03-03 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>ارتفعت أسعار الخبز في أسواق المدن الشمالية بنسبة عشرة في المئة خلال الأسبوعين الماضيين، بحسب جمعية حماية المستهلك.</p><p>وعزا أصحاب المخابز الارتفاع إلى زيادة كلفة الطحين والوقود.</p><p>وأعلنت وزارة التجارة أنها ستراقب الأسعار في الأسواق خلال الأسابيع المقبلة.</p>", "category": "economy", "content_hash": "e111b24e888fa4589e6000846f04c4eac87fa1e770116d4719e02c1da9bd9c51", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-bread-prices", "id": "nv-0301-ar-bread-prices", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-01T09:00:00+00:00", "source_version": null, "status": "usable", "summary": "ارتفع سعر ربطة الخبز بنسبة عشرة في المئة خلال أسبوعين.", "title": "ارتفاع أسعار الخبز في الأسواق الشمالية", "translation_of": null, "updated": "2026-03-03T07:00:00+00:00", "url": null, "version": 2}
39	nv-0305-cabinet-reshuffle	1	c61105364b627e91721543e89dc85059f2cc15d76608588bd21369bc19d23186	2026-03-03 10:00:00+00	{"author": "Political desk", "body_html": "<p>The prime minister will announce changes to the cabinet on Thursday, his office said.</p><p>The ministries of transport, health and agriculture are expected to get new ministers.</p>", "category": "politics", "content_hash": "c61105364b627e91721543e89dc85059f2cc15d76608588bd21369bc19d23186", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0305-cabinet-reshuffle", "id": "nv-0305-cabinet-reshuffle", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-05T09:00:00+00:00", "source_version": null, "status": "usable", "summary": "Three ministries are expected to get new ministers.", "title": "Prime minister to announce cabinet changes on Thursday", "translation_of": null, "updated": null, "url": null, "version": 1}
40	nv-0303-ar-candidates	1	34da01cfb85009495d19ce877d0437291829c5ca070a3aa8066e5aea094ead62	2026-03-03 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أعلنت لجنة الانتخابات يوم الثلاثاء أن 312 مرشحاً تقدموا بطلبات الترشح للانتخابات المحلية.</p><p>وستنشر اللجنة القوائم النهائية بعد انتهاء فترة الطعون.</p>", "category": "politics", "content_hash": "34da01cfb85009495d19ce877d0437291829c5ca070a3aa8066e5aea094ead62", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0303-ar-candidates", "id": "nv-0303-ar-candidates", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-03T08:00:00+00:00", "source_version": null, "status": "usable", "summary": "أغلق باب الترشح بعد أسبوعين من فتحه.", "title": "أكثر من ثلاثمئة مرشح يتقدمون للانتخابات المحلية", "translation_of": null, "updated": null, "url": null, "version": 1}
41	nv-0303-solar-farm	1	8fdd2ecc6d92f65c68f7eb61f9c835632cefaecf4973b975e50dd7f82044c637	2026-03-03 10:00:00+00	{"author": "Environment desk", "body_html": "<p>Workers installed the first panels at the Eastfield solar farm on Tuesday. The operator said the site would supply power to about 9,000 homes by the autumn.</p><p>Local farmers will continue to graze sheep between the rows of panels.</p>", "category": "environment", "content_hash": "8fdd2ecc6d92f65c68f7eb61f9c835632cefaecf4973b975e50dd7f82044c637", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0303-solar-farm", "id": "nv-0303-solar-farm", "lang": "en", "mt_engine": null, "mt_model": null, "origin": "original", "published": "2026-03-03T07:00:00+00:00", "source_version": null, "status": "usable", "summary": "The farm is due to supply power to 9,000 homes by the autumn.", "title": "First panels installed at the Eastfield solar farm", "translation_of": null, "updated": null, "url": null, "version": 1}
42	nv-0302-election-date-ar	1	a7f0eccaccdfe05a545e4cb84c1aa5fe6f696b6c63bba21e8a603cf3c6462206	2026-03-03 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>حددت مفوضية الانتخابات يوم الاثنين الرابع عشر من حزيران موعداً لإجراء الانتخابات المحلية.</p><p>يبدأ تسجيل الناخبين يوم الاثنين المقبل ويستمر ستة أسابيع. وقالت المفوضية إنها ستفتتح أربعين مركز اقتراع جديداً في المناطق الريفية.</p>", "category": "politics", "content_hash": "a7f0eccaccdfe05a545e4cb84c1aa5fe6f696b6c63bba21e8a603cf3c6462206", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0302-election-date", "id": "nv-0302-election-date-ar", "lang": "ar", "mt_engine": null, "mt_model": null, "origin": "human", "published": "2026-03-02T07:00:00+00:00", "source_version": null, "status": "usable", "summary": "يبدأ تسجيل الناخبين الأسبوع المقبل ويستمر ستة أسابيع.", "title": "مفوضية الانتخابات تحدد الرابع عشر من حزيران موعداً للانتخابات المحلية", "translation_of": "nv-0302-election-date", "updated": null, "url": null, "version": 1}
44	nv-0303-ar-candidates~es	1	2b25e85d5b384a4e4cb6448231eed1719676d744882c9bd8aad745fe6c14396f	2026-03-03 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أعلنت لجنة الانتخابات يوم الثلاثاء أن 312 مرشحاً تقدموا بطلبات الترشح للانتخابات المحلية.</p><p>وستنشر اللجنة القوائم النهائية بعد انتهاء فترة الطعون.</p>", "category": "politics", "content_hash": "2b25e85d5b384a4e4cb6448231eed1719676d744882c9bd8aad745fe6c14396f", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0303-ar-candidates", "id": "nv-0303-ar-candidates~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-03T08:00:00+00:00", "source_version": 1, "status": "usable", "summary": "أغلق باب الترشح بعد أسبوعين من فتحه.", "title": "أكثر من ثلاثمئة مرشح يتقدمون للانتخابات المحلية", "translation_of": "nv-0303-ar-candidates", "updated": null, "url": null, "version": 1}
45	nv-0303-solar-farm~es	1	3d63ab1fc89ba50410db8cc7a9a6219748ab433991552db84bbc5bad6c6d7d7a	2026-03-03 10:00:00+00	{"author": "Environment desk", "body_html": "<p>Workers installed the first panels at the Eastfield solar farm on Tuesday. The operator said the site would supply power to about 9,000 homes by the autumn.</p><p>Local farmers will continue to graze sheep between the rows of panels.</p>", "category": "environment", "content_hash": "3d63ab1fc89ba50410db8cc7a9a6219748ab433991552db84bbc5bad6c6d7d7a", "correction_note": null, "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0303-solar-farm", "id": "nv-0303-solar-farm~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-03T07:00:00+00:00", "source_version": 1, "status": "usable", "summary": "The farm is due to supply power to 9,000 homes by the autumn.", "title": "First panels installed at the Eastfield solar farm", "translation_of": "nv-0303-solar-farm", "updated": null, "url": null, "version": 1}
46	nv-0302-ar-fuel-subsidy~es	2	e28adc01f2aa9492ec6a0cd0971134b877e013ce271ae9f7900d93d2cccb7db8	2026-03-03 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>قالت مصادر حكومية إن مجلس الوزراء يدرس خطة لخفض دعم الوقود تدريجياً على مدى عامين.</p><p>ولم يصدر أي تعليق رسمي حتى الآن.</p>", "category": "economy", "content_hash": "e28adc01f2aa9492ec6a0cd0971134b877e013ce271ae9f7900d93d2cccb7db8", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0302-ar-fuel-subsidy", "id": "nv-0302-ar-fuel-subsidy~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-02T09:40:00+00:00", "source_version": 2, "status": "canceled", "summary": "تناقش الحكومة خطة لخفض الدعم تدريجياً خلال عامين.", "title": "الحكومة تدرس خفض دعم الوقود", "translation_of": "nv-0302-ar-fuel-subsidy", "updated": "2026-03-03T06:45:00+00:00", "url": null, "version": 2}
47	nv-0302-flood-warning~es	2	96ee00363cc1679ae4277fe73f6035d402a420a4cd7e47083a415f32815af644	2026-03-03 10:00:00+00	{"author": "Environment desk", "body_html": "<p>The weather service issued a flood warning for the lower river valley on Monday, with heavy rain expected through Wednesday.</p><p>Residents of low-lying streets were advised to move vehicles and valuables to higher ground.</p>", "category": "environment", "content_hash": "96ee00363cc1679ae4277fe73f6035d402a420a4cd7e47083a415f32815af644", "correction_note": null, "credit": "North Valley Weather Service", "embargo": null, "family": "nv-0302-flood-warning", "id": "nv-0302-flood-warning~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-02T06:30:00+00:00", "source_version": 2, "status": "withheld", "summary": "Heavy rain is expected to raise river levels by up to two metres.", "title": "Flood warning issued for the lower river valley", "translation_of": "nv-0302-flood-warning", "updated": "2026-03-03T07:30:00+00:00", "url": null, "version": 2}
48	nv-0301-jobs-report~es	3	0304395ab99a5c9d6c24c434820c86b174acd3e926df124a0bdc041e92dd0095	2026-03-03 10:00:00+00	{"author": "Business desk", "body_html": "<p>Unemployment in the valley fell to 6.2 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p><p>Youth unemployment fell to 14.2 percent, its lowest level in three years.</p>", "category": "economy", "content_hash": "0304395ab99a5c9d6c24c434820c86b174acd3e926df124a0bdc041e92dd0095", "correction_note": "An earlier version of this article gave the February unemployment rate as 6.1 percent; the statistics office's figure is 6.2 percent.", "credit": "North Valley Statistics Office", "embargo": null, "family": "nv-0301-jobs-report", "id": "nv-0301-jobs-report~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T09:45:00+00:00", "source_version": 3, "status": "usable", "summary": "The statistics office reported 4,800 new jobs last month, with youth unemployment also down.", "title": "Unemployment falls to 6.2 percent in February", "translation_of": "nv-0301-jobs-report", "updated": "2026-03-03T08:00:00+00:00", "url": null, "version": 3}
49	nv-0301-ar-bread-prices~es	2	98a65e6f06b23d3928cc09c0dd21ef863a99bd473f603cebf47bbd924cf20c93	2026-03-03 10:00:00+00	{"author": "القسم الاقتصادي", "body_html": "<p>ارتفعت أسعار الخبز في أسواق المدن الشمالية بنسبة عشرة في المئة خلال الأسبوعين الماضيين، بحسب جمعية حماية المستهلك.</p><p>وعزا أصحاب المخابز الارتفاع إلى زيادة كلفة الطحين والوقود.</p><p>وأعلنت وزارة التجارة أنها ستراقب الأسعار في الأسواق خلال الأسابيع المقبلة.</p>", "category": "economy", "content_hash": "98a65e6f06b23d3928cc09c0dd21ef863a99bd473f603cebf47bbd924cf20c93", "correction_note": null, "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-bread-prices", "id": "nv-0301-ar-bread-prices~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T09:00:00+00:00", "source_version": 2, "status": "usable", "summary": "ارتفع سعر ربطة الخبز بنسبة عشرة في المئة خلال أسبوعين.", "title": "ارتفاع أسعار الخبز في الأسواق الشمالية", "translation_of": "nv-0301-ar-bread-prices", "updated": "2026-03-03T07:00:00+00:00", "url": null, "version": 2}
50	nv-0301-council-budget~es	3	dcddf121fc2574f18af5d95105387154f7ceb97f8de55c3647a751712aa33fc2	2026-03-03 10:00:00+00	{"author": "City hall desk", "body_html": "<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to five, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p><p>The mayor is expected to sign the budget on Tuesday. Two councillors said they would ask for a review of the transport spending.</p>", "category": "politics", "content_hash": "dcddf121fc2574f18af5d95105387154f7ceb97f8de55c3647a751712aa33fc2", "correction_note": "An earlier version said the vote was nine to six; one councillor abstained, so the vote was nine to five.", "credit": "North Valley Newsroom", "embargo": null, "family": "nv-0301-council-budget", "id": "nv-0301-council-budget~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T08:00:00+00:00", "source_version": 3, "status": "usable", "summary": "The council passed next year's budget by nine votes to five after an eleven-hour debate.", "title": "Riverside council approves budget after late-night session", "translation_of": "nv-0301-council-budget", "updated": "2026-03-03T09:00:00+00:00", "url": "https://news.example.org/en/politics/council-budget", "version": 3}
51	nv-0301-ar-parliament-session~es	2	568fae6707b0e624740a545e272a6a7f82278682e27d2e34eeff171e7d64bca5	2026-03-03 10:00:00+00	{"author": "القسم السياسي", "body_html": "<p>أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة عشرة أيام، بعد خلاف بين الكتل حول توزيع الدوائر.</p><p>وقال رئيس البرلمان إن التأجيل يهدف إلى الوصول إلى توافق أوسع قبل التصويت.</p>", "category": "politics", "content_hash": "568fae6707b0e624740a545e272a6a7f82278682e27d2e34eeff171e7d64bca5", "correction_note": "ذكرت نسخة سابقة من هذا الخبر أن التأجيل لمدة أسبوع، والصحيح أنه لمدة عشرة أيام.", "credit": "غرفة أخبار الوادي الشمالي", "embargo": null, "family": "nv-0301-ar-parliament-session", "id": "nv-0301-ar-parliament-session~es", "lang": "es", "mt_engine": "identity", "mt_model": "identity", "origin": "machine", "published": "2026-03-01T06:00:00+00:00", "source_version": 2, "status": "usable", "summary": "قرر رئيس البرلمان تأجيل الجلسة عشرة أيام لإتاحة الوقت لمزيد من المشاورات.", "title": "البرلمان يؤجل التصويت على قانون الانتخابات المحلية", "translation_of": "nv-0301-ar-parliament-session", "updated": "2026-03-03T08:20:00+00:00", "url": "https://news.example.org/ar/politics/parliament-session", "version": 2}
\.


--
-- Data for Name: articles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.articles (id, family, lang, category, title, summary, body_html, author, credit, url, published, updated, embargo, status, translation_of, correction_note, origin, mt_engine, mt_model, source_version, version, content_hash, seq) FROM stdin;
nv-0301-wetland-survey	nv-0301-wetland-survey	en	environment	Volunteers count record number of herons at Millbrook wetland	The annual survey found 214 grey herons, the highest count since records began.	<p>Volunteers taking part in the annual bird survey at the <a href="https://news.example.org/en/environment/millbrook">Millbrook wetland</a> counted 214 grey herons, the highest number since the count began in 1998.</p><p>Conservation officers credited the restoration of reed beds along the eastern bank.</p>	Environment desk	North Valley Newsroom	\N	2026-03-01 05:00:00+00	\N	\N	usable	\N	\N	original	\N	\N	\N	1	b53bf2f718c0ddfc28ab301712b71bfcdb61fec74b7d6db42655baecc53007b9	5
nv-0301-summit-statement	nv-0301-summit-statement	en	politics	Regional leaders to sign water-sharing declaration	The declaration sets quotas for the three countries along the river.	<p>Leaders of the three riverside countries will sign a declaration on sharing the river's water at a summit on Monday, according to a text seen by North Valley Newsroom.</p><p>The declaration sets seasonal quotas and creates a joint monitoring commission.</p>	Diplomatic desk	North Valley Newsroom	\N	2026-03-01 09:30:00+00	\N	2026-03-02 06:00:00+00	usable	\N	\N	original	\N	\N	\N	1	1223faf824292e82443927fe856201daa964d1ae86a4db52b31c0931cbd0d383	6
nv-0301-summit-statement~es	nv-0301-summit-statement	es	politics	Regional leaders to sign water-sharing declaration	The declaration sets quotas for the three countries along the river.	<p>Leaders of the three riverside countries will sign a declaration on sharing the river's water at a summit on Monday, according to a text seen by North Valley Newsroom.</p><p>The declaration sets seasonal quotas and creates a joint monitoring commission.</p>	Diplomatic desk	North Valley Newsroom	\N	2026-03-01 09:30:00+00	\N	2026-03-02 06:00:00+00	usable	nv-0301-summit-statement	\N	machine	identity	identity	1	1	ad592a13b4b3bbe1fdaf08f676ab9c562ed79afd7275da23066ad015ad62ae44	10
nv-0301-jobs-report	nv-0301-jobs-report	en	economy	Unemployment falls to 6.2 percent in February	The statistics office reported 4,800 new jobs last month, with youth unemployment also down.	<p>Unemployment in the valley fell to 6.2 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p><p>Youth unemployment fell to 14.2 percent, its lowest level in three years.</p>	Business desk	North Valley Statistics Office	\N	2026-03-01 09:45:00+00	2026-03-03 08:00:00+00	\N	usable	\N	An earlier version of this article gave the February unemployment rate as 6.1 percent; the statistics office's figure is 6.2 percent.	original	\N	\N	\N	3	abe0dbb0246e9acbc4dfeafe5d0d012022b9ac1fec1c4b43173f4520cfa8a23d	33
nv-0301-ar-parliament-session	nv-0301-ar-parliament-session	ar	politics	البرلمان يؤجل التصويت على قانون الانتخابات المحلية	قرر رئيس البرلمان تأجيل الجلسة عشرة أيام لإتاحة الوقت لمزيد من المشاورات.	<p>أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة عشرة أيام، بعد خلاف بين الكتل حول توزيع الدوائر.</p><p>وقال رئيس البرلمان إن التأجيل يهدف إلى الوصول إلى توافق أوسع قبل التصويت.</p>	القسم السياسي	غرفة أخبار الوادي الشمالي	https://news.example.org/ar/politics/parliament-session	2026-03-01 06:00:00+00	2026-03-03 08:20:00+00	\N	usable	\N	ذكرت نسخة سابقة من هذا الخبر أن التأجيل لمدة أسبوع، والصحيح أنه لمدة عشرة أيام.	original	\N	\N	\N	2	bac1c456686ea4bd3010d658716e1afb236a8c944aadfca76286fa8911c12ec4	36
nv-0301-ar-bread-prices	nv-0301-ar-bread-prices	ar	economy	ارتفاع أسعار الخبز في الأسواق الشمالية	ارتفع سعر ربطة الخبز بنسبة عشرة في المئة خلال أسبوعين.	<p>ارتفعت أسعار الخبز في أسواق المدن الشمالية بنسبة عشرة في المئة خلال الأسبوعين الماضيين، بحسب جمعية حماية المستهلك.</p><p>وعزا أصحاب المخابز الارتفاع إلى زيادة كلفة الطحين والوقود.</p><p>وأعلنت وزارة التجارة أنها ستراقب الأسعار في الأسواق خلال الأسابيع المقبلة.</p>	القسم الاقتصادي	غرفة أخبار الوادي الشمالي	\N	2026-03-01 09:00:00+00	2026-03-03 07:00:00+00	\N	usable	\N	\N	original	\N	\N	\N	2	e111b24e888fa4589e6000846f04c4eac87fa1e770116d4719e02c1da9bd9c51	38
nv-0301-jobs-report~es	nv-0301-jobs-report	es	economy	Unemployment falls to 6.2 percent in February	The statistics office reported 4,800 new jobs last month, with youth unemployment also down.	<p>Unemployment in the valley fell to 6.2 percent in February from 6.4 percent in January, the statistics office said on Sunday.</p><p>The office counted 4,800 new jobs, most of them in construction and retail.</p><p>Youth unemployment fell to 14.2 percent, its lowest level in three years.</p>	Business desk	North Valley Statistics Office	\N	2026-03-01 09:45:00+00	2026-03-03 08:00:00+00	\N	usable	nv-0301-jobs-report	An earlier version of this article gave the February unemployment rate as 6.1 percent; the statistics office's figure is 6.2 percent.	machine	identity	identity	3	3	0304395ab99a5c9d6c24c434820c86b174acd3e926df124a0bdc041e92dd0095	48
nv-0301-wetland-survey~es	nv-0301-wetland-survey	es	environment	Volunteers count record number of herons at Millbrook wetland	The annual survey found 214 grey herons, the highest count since records began.	<p>Volunteers taking part in the annual bird survey at the <a href="https://news.example.org/en/environment/millbrook">Millbrook wetland</a> counted 214 grey herons, the highest number since the count began in 1998.</p><p>Conservation officers credited the restoration of reed beds along the eastern bank.</p>	Environment desk	North Valley Newsroom	\N	2026-03-01 05:00:00+00	\N	\N	usable	nv-0301-wetland-survey	\N	machine	identity	identity	1	1	d88d4a2d3e862b5b3fd24cfa968e9fd6384660cbc12ab533b8555eae768d8dd3	15
nv-0302-election-date	nv-0302-election-date	en	politics	Electoral commission sets local elections for the fourteenth of June	Voter registration opens next week and runs for six weeks.	<p>The electoral commission on Monday set the date of the local elections for the fourteenth of June.</p><p>Voter registration opens next Monday and runs for six weeks. The commission said it would open forty new polling stations in rural districts.</p>	Political desk	North Valley Newsroom	https://news.example.org/en/politics/election-date	2026-03-02 07:00:00+00	\N	\N	usable	\N	\N	original	\N	\N	\N	1	6c04d44e9a04c469225c8e2a89d4412f7705141786167b81ad3eb8e414d5e61d	19
nv-0302-ar-border-crossing	nv-0302-ar-border-crossing	ar	politics	إعادة فتح معبر الشمال أمام المسافرين	أعيد فتح المعبر بعد إغلاق دام ثلاثة أشهر بسبب أعمال الصيانة.	<p>أعادت السلطات يوم الاثنين فتح معبر الشمال أمام المسافرين بعد إغلاق دام ثلاثة أشهر لأعمال الصيانة.</p><p>وسيعمل المعبر من السادسة صباحاً حتى العاشرة ليلاً.</p>	القسم السياسي	غرفة أخبار الوادي الشمالي	\N	2026-03-02 08:30:00+00	\N	\N	usable	\N	\N	original	\N	\N	\N	1	a68b48ee23ffb6370bf1ca0c9368d44422e231ba62d41352c4f95a1169659f5c	20
nv-0302-central-bank-rates	nv-0302-central-bank-rates	en	economy	Central bank cuts its main rate by a quarter point	The bank lowered the rate to 3.25 percent, citing slower inflation.	<p>The central bank cut its main interest rate by a quarter of a percentage point to 3.25 percent, citing slower inflation over the winter.</p><p>The governor said further cuts would depend on energy prices.</p>	Business desk	North Valley Newsroom	\N	2026-03-02 09:00:00+00	\N	2026-03-04 12:00:00+00	usable	\N	\N	original	\N	\N	\N	1	f2ff6d8b491b2d087ed23c3cf9f47f116b1d25ac47d20c175b3db4448f37849f	21
nv-0302-flood-warning	nv-0302-flood-warning	en	environment	Flood warning issued for the lower river valley	Heavy rain is expected to raise river levels by up to two metres.	<p>The weather service issued a flood warning for the lower river valley on Monday, with heavy rain expected through Wednesday.</p><p>Residents of low-lying streets were advised to move vehicles and valuables to higher ground.</p>	Environment desk	North Valley Weather Service	\N	2026-03-02 06:30:00+00	2026-03-03 07:30:00+00	\N	withheld	\N	\N	original	\N	\N	\N	2	f3729c900b482a7c60aa2710f292f07f0300f68e41d883f5e5648679ea900619	34
nv-0302-ar-fuel-subsidy	nv-0302-ar-fuel-subsidy	ar	economy	الحكومة تدرس خفض دعم الوقود	تناقش الحكومة خطة لخفض الدعم تدريجياً خلال عامين.	<p>قالت مصادر حكومية إن مجلس الوزراء يدرس خطة لخفض دعم الوقود تدريجياً على مدى عامين.</p><p>ولم يصدر أي تعليق رسمي حتى الآن.</p>	القسم الاقتصادي	غرفة أخبار الوادي الشمالي	\N	2026-03-02 09:40:00+00	2026-03-03 06:45:00+00	\N	canceled	\N	\N	original	\N	\N	\N	2	90148f16d1a5c76189ba1b9c691b2d16319694c2c0cf066d63d7aed75621aecb	35
nv-0301-ar-bread-prices~es	nv-0301-ar-bread-prices	es	economy	ارتفاع أسعار الخبز في الأسواق الشمالية	ارتفع سعر ربطة الخبز بنسبة عشرة في المئة خلال أسبوعين.	<p>ارتفعت أسعار الخبز في أسواق المدن الشمالية بنسبة عشرة في المئة خلال الأسبوعين الماضيين، بحسب جمعية حماية المستهلك.</p><p>وعزا أصحاب المخابز الارتفاع إلى زيادة كلفة الطحين والوقود.</p><p>وأعلنت وزارة التجارة أنها ستراقب الأسعار في الأسواق خلال الأسابيع المقبلة.</p>	القسم الاقتصادي	غرفة أخبار الوادي الشمالي	\N	2026-03-01 09:00:00+00	2026-03-03 07:00:00+00	\N	usable	nv-0301-ar-bread-prices	\N	machine	identity	identity	2	2	98a65e6f06b23d3928cc09c0dd21ef863a99bd473f603cebf47bbd924cf20c93	49
nv-0301-ar-parliament-session~es	nv-0301-ar-parliament-session	es	politics	البرلمان يؤجل التصويت على قانون الانتخابات المحلية	قرر رئيس البرلمان تأجيل الجلسة عشرة أيام لإتاحة الوقت لمزيد من المشاورات.	<p>أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة عشرة أيام، بعد خلاف بين الكتل حول توزيع الدوائر.</p><p>وقال رئيس البرلمان إن التأجيل يهدف إلى الوصول إلى توافق أوسع قبل التصويت.</p>	القسم السياسي	غرفة أخبار الوادي الشمالي	https://news.example.org/ar/politics/parliament-session	2026-03-01 06:00:00+00	2026-03-03 08:20:00+00	\N	usable	nv-0301-ar-parliament-session	ذكرت نسخة سابقة من هذا الخبر أن التأجيل لمدة أسبوع، والصحيح أنه لمدة عشرة أيام.	machine	identity	identity	2	2	568fae6707b0e624740a545e272a6a7f82278682e27d2e34eeff171e7d64bca5	51
nv-0301-port-fees	nv-0301-port-fees	en	economy	Port authority raises container fees; importers warn of higher prices	Shipping firms will pay twelve percent more per container from April.	<p>The port authority said on Sunday it will raise container handling fees by twelve percent from the first of April, the first increase in six years.</p><p>The authority blamed higher energy and maintenance costs. Two shipping lines said they would pass the increase on to importers.</p><p>The importers' association said on Monday the increase would add about 0.3 percent to consumer prices.</p>	Business desk	North Valley Newsroom	https://news.example.org/en/economy/port-fees	2026-03-01 07:30:00+00	2026-03-02 09:20:00+00	\N	usable	\N	\N	original	\N	\N	\N	2	9e1e25f36e190c474f7fd22cdb5ea19b453df0a44f1d348866c524b5ed9a319d	18
nv-0301-council-budget-ar	nv-0301-council-budget	ar	politics	مجلس ريفرسايد يقر الموازنة بعد جلسة امتدت حتى الفجر	أقر المجلس موازنة العام المقبل بتسعة أصوات مقابل ستة بعد نقاش استمر إحدى عشرة ساعة.	<p>أقر المجلس البلدي في ريفرسايد موازنة العام المقبل فجر الأحد بتسعة أصوات مقابل ستة، بعد جلسة استمرت إحدى عشرة ساعة وتجاوزت منتصف الليل.</p><p>ترفع الموازنة الإنفاق على النقل العام وترميم المدارس. وقال أعضاء المعارضة إن الخطة تعتمد على توقعات متفائلة للإيرادات.</p><p>ومن المتوقع أن يوقّع رئيس البلدية على الموازنة يوم الثلاثاء. وقال عضوان في المجلس إنهما سيطلبان مراجعة بنود النقل.</p>	مكتب البلدية	غرفة أخبار الوادي الشمالي	https://news.example.org/ar/politics/council-budget	2026-03-01 08:00:00+00	2026-03-02 08:10:00+00	\N	usable	nv-0301-council-budget	\N	human	\N	\N	\N	2	175ae589cb5ed425d2bdd6afa1ce8c619c5bfaf2fe31d62d0291680b0d1ce4fe	24
nv-0302-central-bank-rates~es	nv-0302-central-bank-rates	es	economy	Central bank cuts its main rate by a quarter point	The bank lowered the rate to 3.25 percent, citing slower inflation.	<p>The central bank cut its main interest rate by a quarter of a percentage point to 3.25 percent, citing slower inflation over the winter.</p><p>The governor said further cuts would depend on energy prices.</p>	Business desk	North Valley Newsroom	\N	2026-03-02 09:00:00+00	\N	2026-03-04 12:00:00+00	usable	nv-0302-central-bank-rates	\N	machine	identity	identity	1	1	c55f60587b911b30c51446f687e83b54209866c2fbee55820521816ac11594bc	26
nv-0302-ar-border-crossing~es	nv-0302-ar-border-crossing	es	politics	إعادة فتح معبر الشمال أمام المسافرين	أعيد فتح المعبر بعد إغلاق دام ثلاثة أشهر بسبب أعمال الصيانة.	<p>أعادت السلطات يوم الاثنين فتح معبر الشمال أمام المسافرين بعد إغلاق دام ثلاثة أشهر لأعمال الصيانة.</p><p>وسيعمل المعبر من السادسة صباحاً حتى العاشرة ليلاً.</p>	القسم السياسي	غرفة أخبار الوادي الشمالي	\N	2026-03-02 08:30:00+00	\N	\N	usable	nv-0302-ar-border-crossing	\N	machine	identity	identity	1	1	f30d3eb972e9f2a4fcec83e1117fa346fcb6d86e1419da157037c6dd5e795cf8	27
nv-0302-election-date~es	nv-0302-election-date	es	politics	Electoral commission sets local elections for the fourteenth of June	Voter registration opens next week and runs for six weeks.	<p>The electoral commission on Monday set the date of the local elections for the fourteenth of June.</p><p>Voter registration opens next Monday and runs for six weeks. The commission said it would open forty new polling stations in rural districts.</p>	Political desk	North Valley Newsroom	https://news.example.org/en/politics/election-date	2026-03-02 07:00:00+00	\N	\N	usable	nv-0302-election-date	\N	machine	identity	identity	1	1	94805b6d3f45fe6391f32001bf1ccd8e9f92e8134cb26a7d773bbf5a69eb1744	28
nv-0302-ar-fuel-subsidy~es	nv-0302-ar-fuel-subsidy	es	economy	الحكومة تدرس خفض دعم الوقود	تناقش الحكومة خطة لخفض الدعم تدريجياً خلال عامين.	<p>قالت مصادر حكومية إن مجلس الوزراء يدرس خطة لخفض دعم الوقود تدريجياً على مدى عامين.</p><p>ولم يصدر أي تعليق رسمي حتى الآن.</p>	القسم الاقتصادي	غرفة أخبار الوادي الشمالي	\N	2026-03-02 09:40:00+00	2026-03-03 06:45:00+00	\N	canceled	nv-0302-ar-fuel-subsidy	\N	machine	identity	identity	2	2	e28adc01f2aa9492ec6a0cd0971134b877e013ce271ae9f7900d93d2cccb7db8	46
nv-0302-flood-warning~es	nv-0302-flood-warning	es	environment	Flood warning issued for the lower river valley	Heavy rain is expected to raise river levels by up to two metres.	<p>The weather service issued a flood warning for the lower river valley on Monday, with heavy rain expected through Wednesday.</p><p>Residents of low-lying streets were advised to move vehicles and valuables to higher ground.</p>	Environment desk	North Valley Weather Service	\N	2026-03-02 06:30:00+00	2026-03-03 07:30:00+00	\N	withheld	nv-0302-flood-warning	\N	machine	identity	identity	2	2	96ee00363cc1679ae4277fe73f6035d402a420a4cd7e47083a415f32815af644	47
nv-0301-port-fees~es	nv-0301-port-fees	es	economy	Port authority raises container fees; importers warn of higher prices	Shipping firms will pay twelve percent more per container from April.	<p>The port authority said on Sunday it will raise container handling fees by twelve percent from the first of April, the first increase in six years.</p><p>The authority blamed higher energy and maintenance costs. Two shipping lines said they would pass the increase on to importers.</p><p>The importers' association said on Monday the increase would add about 0.3 percent to consumer prices.</p>	Business desk	North Valley Newsroom	https://news.example.org/en/economy/port-fees	2026-03-01 07:30:00+00	2026-03-02 09:20:00+00	\N	usable	nv-0301-port-fees	\N	machine	identity	identity	2	2	56dbb5a76d85ff7081ae307ead33beb60afbb5efd764cb481a21086c898caeff	32
nv-0305-cabinet-reshuffle	nv-0305-cabinet-reshuffle	en	politics	Prime minister to announce cabinet changes on Thursday	Three ministries are expected to get new ministers.	<p>The prime minister will announce changes to the cabinet on Thursday, his office said.</p><p>The ministries of transport, health and agriculture are expected to get new ministers.</p>	Political desk	North Valley Newsroom	\N	2026-03-05 09:00:00+00	\N	\N	usable	\N	\N	original	\N	\N	\N	1	c61105364b627e91721543e89dc85059f2cc15d76608588bd21369bc19d23186	39
nv-0303-ar-candidates	nv-0303-ar-candidates	ar	politics	أكثر من ثلاثمئة مرشح يتقدمون للانتخابات المحلية	أغلق باب الترشح بعد أسبوعين من فتحه.	<p>أعلنت لجنة الانتخابات يوم الثلاثاء أن 312 مرشحاً تقدموا بطلبات الترشح للانتخابات المحلية.</p><p>وستنشر اللجنة القوائم النهائية بعد انتهاء فترة الطعون.</p>	القسم السياسي	غرفة أخبار الوادي الشمالي	\N	2026-03-03 08:00:00+00	\N	\N	usable	\N	\N	original	\N	\N	\N	1	34da01cfb85009495d19ce877d0437291829c5ca070a3aa8066e5aea094ead62	40
nv-0303-solar-farm	nv-0303-solar-farm	en	environment	First panels installed at the Eastfield solar farm	The farm is due to supply power to 9,000 homes by the autumn.	<p>Workers installed the first panels at the Eastfield solar farm on Tuesday. The operator said the site would supply power to about 9,000 homes by the autumn.</p><p>Local farmers will continue to graze sheep between the rows of panels.</p>	Environment desk	North Valley Newsroom	\N	2026-03-03 07:00:00+00	\N	\N	usable	\N	\N	original	\N	\N	\N	1	8fdd2ecc6d92f65c68f7eb61f9c835632cefaecf4973b975e50dd7f82044c637	41
nv-0302-election-date-ar	nv-0302-election-date	ar	politics	مفوضية الانتخابات تحدد الرابع عشر من حزيران موعداً للانتخابات المحلية	يبدأ تسجيل الناخبين الأسبوع المقبل ويستمر ستة أسابيع.	<p>حددت مفوضية الانتخابات يوم الاثنين الرابع عشر من حزيران موعداً لإجراء الانتخابات المحلية.</p><p>يبدأ تسجيل الناخبين يوم الاثنين المقبل ويستمر ستة أسابيع. وقالت المفوضية إنها ستفتتح أربعين مركز اقتراع جديداً في المناطق الريفية.</p>	القسم السياسي	غرفة أخبار الوادي الشمالي	\N	2026-03-02 07:00:00+00	\N	\N	usable	nv-0302-election-date	\N	human	\N	\N	\N	1	a7f0eccaccdfe05a545e4cb84c1aa5fe6f696b6c63bba21e8a603cf3c6462206	42
nv-0301-council-budget	nv-0301-council-budget	en	politics	Riverside council approves budget after late-night session	The council passed next year's budget by nine votes to five after an eleven-hour debate.	<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to five, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p><p>The mayor is expected to sign the budget on Tuesday. Two councillors said they would ask for a review of the transport spending.</p>	City hall desk	North Valley Newsroom	https://news.example.org/en/politics/council-budget	2026-03-01 08:00:00+00	2026-03-03 09:00:00+00	\N	usable	\N	An earlier version said the vote was nine to six; one councillor abstained, so the vote was nine to five.	original	\N	\N	\N	3	41ec50803fa2735b7cb4ea6b46d76b704d355ec214d2288a547d96e1c18ee8c0	37
nv-0305-cabinet-reshuffle~es	nv-0305-cabinet-reshuffle	es	politics	Prime minister to announce cabinet changes on Thursday	Three ministries are expected to get new ministers.	<p>The prime minister will announce changes to the cabinet on Thursday, his office said.</p><p>The ministries of transport, health and agriculture are expected to get new ministers.</p>	Political desk	North Valley Newsroom	\N	2026-03-05 09:00:00+00	\N	\N	usable	nv-0305-cabinet-reshuffle	\N	machine	identity	identity	1	1	6c87b118d68b207910994443f289207642aab00e605884f725172771e51083b6	43
nv-0303-ar-candidates~es	nv-0303-ar-candidates	es	politics	أكثر من ثلاثمئة مرشح يتقدمون للانتخابات المحلية	أغلق باب الترشح بعد أسبوعين من فتحه.	<p>أعلنت لجنة الانتخابات يوم الثلاثاء أن 312 مرشحاً تقدموا بطلبات الترشح للانتخابات المحلية.</p><p>وستنشر اللجنة القوائم النهائية بعد انتهاء فترة الطعون.</p>	القسم السياسي	غرفة أخبار الوادي الشمالي	\N	2026-03-03 08:00:00+00	\N	\N	usable	nv-0303-ar-candidates	\N	machine	identity	identity	1	1	2b25e85d5b384a4e4cb6448231eed1719676d744882c9bd8aad745fe6c14396f	44
nv-0303-solar-farm~es	nv-0303-solar-farm	es	environment	First panels installed at the Eastfield solar farm	The farm is due to supply power to 9,000 homes by the autumn.	<p>Workers installed the first panels at the Eastfield solar farm on Tuesday. The operator said the site would supply power to about 9,000 homes by the autumn.</p><p>Local farmers will continue to graze sheep between the rows of panels.</p>	Environment desk	North Valley Newsroom	\N	2026-03-03 07:00:00+00	\N	\N	usable	nv-0303-solar-farm	\N	machine	identity	identity	1	1	3d63ab1fc89ba50410db8cc7a9a6219748ab433991552db84bbc5bad6c6d7d7a	45
nv-0301-council-budget~es	nv-0301-council-budget	es	politics	Riverside council approves budget after late-night session	The council passed next year's budget by nine votes to five after an eleven-hour debate.	<p>Riverside's municipal council approved next year's budget early on Sunday by nine votes to five, after an eleven-hour session that ran past midnight.</p><p>The budget raises spending on public transport and school repairs. Opposition members said the plan relies on optimistic revenue forecasts.</p><p>The mayor is expected to sign the budget on Tuesday. Two councillors said they would ask for a review of the transport spending.</p>	City hall desk	North Valley Newsroom	https://news.example.org/en/politics/council-budget	2026-03-01 08:00:00+00	2026-03-03 09:00:00+00	\N	usable	nv-0301-council-budget	An earlier version said the vote was nine to six; one councillor abstained, so the vote was nine to five.	machine	identity	identity	3	3	dcddf121fc2574f18af5d95105387154f7ceb97f8de55c3647a751712aa33fc2	50
\.


--
-- Data for Name: delivery_changes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.delivery_changes (version_seq, article_id, version, lang, category, status, published, embargo, early_cursor, public_cursor) FROM stdin;
1	nv-0301-council-budget	1	en	politics	usable	2026-03-01 08:00:00+00	\N	1	1
2	nv-0301-port-fees	1	en	economy	usable	2026-03-01 07:30:00+00	\N	2	2
3	nv-0301-ar-parliament-session	1	ar	politics	usable	2026-03-01 06:00:00+00	\N	3	3
4	nv-0301-ar-bread-prices	1	ar	economy	usable	2026-03-01 09:00:00+00	\N	4	4
5	nv-0301-wetland-survey	1	en	environment	usable	2026-03-01 05:00:00+00	\N	5	5
7	nv-0301-jobs-report	1	en	economy	usable	2026-03-01 09:45:00+00	\N	7	7
8	nv-0301-council-budget-ar	1	ar	politics	usable	2026-03-01 08:00:00+00	\N	8	8
9	nv-0301-jobs-report~es	1	es	economy	usable	2026-03-01 09:45:00+00	\N	9	9
11	nv-0301-ar-bread-prices~es	1	es	economy	usable	2026-03-01 09:00:00+00	\N	11	11
12	nv-0301-council-budget~es	1	es	politics	usable	2026-03-01 08:00:00+00	\N	12	12
13	nv-0301-port-fees~es	1	es	economy	usable	2026-03-01 07:30:00+00	\N	13	13
14	nv-0301-ar-parliament-session~es	1	es	politics	usable	2026-03-01 06:00:00+00	\N	14	14
15	nv-0301-wetland-survey~es	1	es	environment	usable	2026-03-01 05:00:00+00	\N	15	15
6	nv-0301-summit-statement	1	en	politics	usable	2026-03-01 09:30:00+00	2026-03-02 06:00:00+00	6	16
10	nv-0301-summit-statement~es	1	es	politics	usable	2026-03-01 09:30:00+00	2026-03-02 06:00:00+00	10	17
16	nv-0301-council-budget	2	en	politics	usable	2026-03-01 08:00:00+00	\N	18	18
17	nv-0301-jobs-report	2	en	economy	usable	2026-03-01 09:45:00+00	\N	19	19
18	nv-0301-port-fees	2	en	economy	usable	2026-03-01 07:30:00+00	\N	20	20
19	nv-0302-election-date	1	en	politics	usable	2026-03-02 07:00:00+00	\N	21	21
20	nv-0302-ar-border-crossing	1	ar	politics	usable	2026-03-02 08:30:00+00	\N	22	22
21	nv-0302-central-bank-rates	1	en	economy	usable	2026-03-02 09:00:00+00	2026-03-04 12:00:00+00	23	\N
22	nv-0302-flood-warning	1	en	environment	usable	2026-03-02 06:30:00+00	\N	24	24
23	nv-0302-ar-fuel-subsidy	1	ar	economy	usable	2026-03-02 09:40:00+00	\N	25	25
24	nv-0301-council-budget-ar	2	ar	politics	usable	2026-03-01 08:00:00+00	\N	26	26
25	nv-0302-ar-fuel-subsidy~es	1	es	economy	usable	2026-03-02 09:40:00+00	\N	27	27
26	nv-0302-central-bank-rates~es	1	es	economy	usable	2026-03-02 09:00:00+00	2026-03-04 12:00:00+00	28	\N
27	nv-0302-ar-border-crossing~es	1	es	politics	usable	2026-03-02 08:30:00+00	\N	29	29
28	nv-0302-election-date~es	1	es	politics	usable	2026-03-02 07:00:00+00	\N	30	30
29	nv-0302-flood-warning~es	1	es	environment	usable	2026-03-02 06:30:00+00	\N	31	31
30	nv-0301-jobs-report~es	2	es	economy	usable	2026-03-01 09:45:00+00	\N	32	32
31	nv-0301-council-budget~es	2	es	politics	usable	2026-03-01 08:00:00+00	\N	33	33
32	nv-0301-port-fees~es	2	es	economy	usable	2026-03-01 07:30:00+00	\N	34	34
39	nv-0305-cabinet-reshuffle	1	en	politics	usable	2026-03-05 09:00:00+00	\N	\N	\N
43	nv-0305-cabinet-reshuffle~es	1	es	politics	usable	2026-03-05 09:00:00+00	\N	\N	\N
33	nv-0301-jobs-report	3	en	economy	usable	2026-03-01 09:45:00+00	\N	35	35
34	nv-0302-flood-warning	2	en	environment	withheld	2026-03-02 06:30:00+00	\N	36	36
35	nv-0302-ar-fuel-subsidy	2	ar	economy	canceled	2026-03-02 09:40:00+00	\N	37	37
36	nv-0301-ar-parliament-session	2	ar	politics	usable	2026-03-01 06:00:00+00	\N	38	38
37	nv-0301-council-budget	3	en	politics	usable	2026-03-01 08:00:00+00	\N	39	39
38	nv-0301-ar-bread-prices	2	ar	economy	usable	2026-03-01 09:00:00+00	\N	40	40
40	nv-0303-ar-candidates	1	ar	politics	usable	2026-03-03 08:00:00+00	\N	41	41
41	nv-0303-solar-farm	1	en	environment	usable	2026-03-03 07:00:00+00	\N	42	42
42	nv-0302-election-date-ar	1	ar	politics	usable	2026-03-02 07:00:00+00	\N	43	43
44	nv-0303-ar-candidates~es	1	es	politics	usable	2026-03-03 08:00:00+00	\N	44	44
45	nv-0303-solar-farm~es	1	es	environment	usable	2026-03-03 07:00:00+00	\N	45	45
46	nv-0302-ar-fuel-subsidy~es	2	es	economy	canceled	2026-03-02 09:40:00+00	\N	46	46
47	nv-0302-flood-warning~es	2	es	environment	withheld	2026-03-02 06:30:00+00	\N	47	47
48	nv-0301-jobs-report~es	3	es	economy	usable	2026-03-01 09:45:00+00	\N	48	48
49	nv-0301-ar-bread-prices~es	2	es	economy	usable	2026-03-01 09:00:00+00	\N	49	49
50	nv-0301-council-budget~es	3	es	politics	usable	2026-03-01 08:00:00+00	\N	50	50
51	nv-0301-ar-parliament-session~es	2	es	politics	usable	2026-03-01 06:00:00+00	\N	51	51
\.


--
-- Data for Name: delivery_counter; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.delivery_counter (id, last_cursor) FROM stdin;
1	51
\.


--
-- Data for Name: feed_state; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feed_state (path, sha256, size, items, last_modified, written_at) FROM stdin;
ar/environment/rss.xml	002d13bc4246ecae00e215115ac041005ff8535fe10553742a82316e35ba51a1	1553	0	\N	2026-03-01 10:00:00+00
ar/environment/atom.xml	751bf137bf44373eb6277f1fe018f700b2b6bb5d665c7de9546eb9d1367326bf	1552	0	\N	2026-03-01 10:00:00+00
ar/environment/feed.json	ac66b180ebe92d9d655079311aee45f1d00a34a3e48080e8f439d15c06e9455a	773	0	\N	2026-03-01 10:00:00+00
en/politics/atom.xml	e5e6313061c9800ec564925f915aff21c4365f5c4eca9cccbd87ecea770614d4	4989	3	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
en/politics/feed.json	415d0405f6eeaf600ff8fa2a7129a2f3d044e19e24509f6477cc556cd6a5b85a	3880	3	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
en/politics/newsml.xml	b0c01c704faa2fa2466ac39484bb20d3ef55ea5772893d8eaa9f46067a83c5a5	10183	3	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
en/economy/rss.xml	b1103315c9a91fdf24ab51c82d34b8b29f833ac39ff1c8ed6a09aa415f24c401	3502	2	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
en/economy/atom.xml	c6205b01b25ec94569b103103ff4b1687a5c6331783c637689a5228303e50c9a	3797	2	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
en/economy/newsml.xml	ea65fc0637c86625dd8ca17fa85b9896c2369ec8913c8266345819174d0e635e	7066	2	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
en/environment/rss.xml	d7629a7586dcc27909b76c0b31b401e27c264f0539c4e786417b8c9609909460	3132	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
en/environment/atom.xml	adaf547cb0bf04e01347536a91c41138aa8214dca8f96fef283d7438b660142b	3375	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
en/environment/feed.json	a4a75ecf849143e3880dbdf3bed9a7e93aa7b97348436648eb1518e0193da260	2396	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
en/environment/newsml.xml	e8a3372f326b8b791d8b167d29d19a1afc9d030ade9c27ae6363292d10b5e707	9672	3	2026-03-03 07:30:00+00	2026-03-03 10:00:00+00
en/all/rss.xml	7a38fe46abfb0cf273ceb0d9dfea9d41f9315360a49a0124901403057869288a	7795	7	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
en/all/atom.xml	357ae1d70ad7d8042be04ef88648affa7942a10cdde6fe0d5a2cd7bc5843250a	8994	7	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
en/all/feed.json	66fb4b33349d2d42ad05f1c1fc41a1c3f5a9d943ed43cd197afdae717fca1c4f	7645	7	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
en/all/newsml.xml	72fa17cbad19a520717c40153d11a32ddb07ebcd8e5617c32aa00e67076b6ec3	26280	8	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
ar/politics/rss.xml	abb91e2e97b1d0e81733e9a54c50f5bb0cf1d91f3b7a7b846be292c49f3f9d9d	7108	5	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
ar/politics/atom.xml	f01b2bc5a857b3a587dbb6979cccdd67a60b69a585837250b8079303177fc7fe	8755	5	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
ar/politics/feed.json	a36b4b5ba5c920495ae9657f83f4ac7f58339751f4b437f3ca0a5ae57d4d5ee5	7607	5	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
ar/politics/newsml.xml	dd997541d064c397e5d0cc99f7dcf115c243fa533bc105dec7d6a84494736b68	18526	5	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
ar/economy/rss.xml	13a45fd1ac5893c69566fc1bf4b7258425bc5bde030e999825405d526738b83d	2632	1	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
ar/economy/atom.xml	53654dd5f24868539f157a39279af260ff6c1cf51618925794ba63f607530986	2769	1	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
ar/economy/feed.json	90433d6f5d72dd433065e7596c7b7ff3d66b37c480592d8289d089ac599d1a97	1908	1	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
ar/economy/newsml.xml	326eae61e51f944fb36339186692c2dc192cebeb196c4b2f1fcd36f670bd5a4b	7044	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
ar/all/rss.xml	432faf4332898c6ecde3b0e9d8e0ac3721afc098a6f835f6cb1b05b7034c192d	8112	6	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
ar/all/atom.xml	1ff1ba71f2fbe85c9400b8c76a9a92b1ac3ce17e17669ff632c5cf3cbbecf3d5	9887	6	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
ar/all/feed.json	aff8692eb729b018ac744106b0cb4d42e57591369e6fe4a1dc98f2d7cbaf5818	8750	6	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
ar/all/newsml.xml	1e0eca6b88659cdc44aa70b684fed1e08447f5ff0a91dbf7a86867de56b73430	25302	7	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
es/politics/rss.xml	b76301cad4be452b319388bba356f99ab10b065a4507ab0df403b0aaa4a1fa4d	8437	6	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
es/politics/atom.xml	961605addd3631678fc6f7c364b50865ef776255b7a1ee23af6b5bde5cc93ea0	10088	6	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
es/politics/feed.json	c91a3a09edac61c351240528ecb8aeb79995aa8305cf3dac3bea2ab2b3316029	9028	6	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
es/politics/newsml.xml	36a46e0b77c4f7416096efdaa7d1eb3f14d163efe70179688d2b3cbc6e043adf	24046	6	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
es/economy/rss.xml	934f2bc24a7577c7ea08d347da1141a2ce2f804e06efadc8760e7517744b6d50	5156	3	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
es/economy/atom.xml	7362f917de3662c160a8fe24af771c0cc01dce363f75ea6f876f60a3bce3673d	5837	3	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
es/economy/feed.json	40bac6884234d0d5fdc7512fc01f18a3446800f7f1c7c5ca92805932a631de54	4939	3	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
es/economy/newsml.xml	7e6955d89c93fb14207c75f3348fccb3eba3540021a816351c9443c5527421fc	16118	4	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
es/environment/rss.xml	f2261b3430202f917d366406ff8d40f795cf96abd271003a7a881fa6e9661479	3539	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
es/environment/atom.xml	cc6bd77d3e54d85bb3b2b6f5af3ff42c80073c307174a540ea312f622c2f0ad7	3942	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
es/environment/feed.json	8cf01fe1c78d74b609942ae95fd09e64294554df820bcc516f5b0b498e964f96	3020	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
es/all/rss.xml	c6cd18d3eba351d0c70a01d25a2c189bf4cea4be0e4ebf6a5ba385b55242a84b	12934	10	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
es/all/atom.xml	4e9ea1990b704ad1a74fbe044d1cc6778962313b84f4cded0b80b7e6ac349477	15450	10	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
es/all/feed.json	27954d2d62d5bde2d05802ebcce3f5f4c52b2ad5d26897d9c0efbd84cd4f6b13	14295	10	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
es/all/newsml.xml	7d112777a2ad0934210efc1a7156c2d327510221425f0153003db313b83b4fb5	38884	10	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
partners/wire/en/politics/newsml.xml	6b66ef3b3ef4cc43c73bccb0fdb99fb6f5573e46250adb87d4f64710b86f3ed8	10354	3	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
partners/wire/en/economy/newsml.xml	c921d86122b4eadcec5d1669c41dc2a75a83f7b47b6de15d529f7cb274a96204	10223	3	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
partners/wire/en/environment/newsml.xml	e8a3372f326b8b791d8b167d29d19a1afc9d030ade9c27ae6363292d10b5e707	9672	3	2026-03-03 07:30:00+00	2026-03-03 10:00:00+00
partners/wire/en/all/newsml.xml	1123b205829465266e3c2570006da7018cb847aea78e6090875fda5386cd1952	29605	9	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
partners/wire/ar/politics/newsml.xml	dd997541d064c397e5d0cc99f7dcf115c243fa533bc105dec7d6a84494736b68	18526	5	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
partners/wire/ar/economy/newsml.xml	326eae61e51f944fb36339186692c2dc192cebeb196c4b2f1fcd36f670bd5a4b	7044	2	2026-03-03 07:00:00+00	2026-03-03 10:00:00+00
partners/wire/ar/all/newsml.xml	1e0eca6b88659cdc44aa70b684fed1e08447f5ff0a91dbf7a86867de56b73430	25302	7	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
partners/wire/es/politics/newsml.xml	55b691695de21f0e4428a92c79bf679f4d7a144d66fc795eb1fcd99cf1c3bb9a	24231	6	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
partners/wire/es/economy/newsml.xml	f6d0b1a646e0078694c3364d5139382dde19120cea4fa41799a1410e0808527a	19867	5	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
en/politics/rss.xml	b5ec081fea4048d2cdf221936aafda116868ba306c074f2885281fd48c68bd22	4320	3	2026-03-03 09:00:00+00	2026-03-03 10:00:00+00
partners/wire/es/environment/newsml.xml	ebd7f59e81a81f33c6020eb6b34949dabf2b4c41af4e4d95a83d2e9e2c17d973	11434	3	2026-03-03 07:30:00+00	2026-03-03 10:00:00+00
partners/wire/es/all/newsml.xml	ecb8fef126b46cf5a8582199dd3c258b4f12e89581b482f64abdfb4d0f0f22d4	38594	10	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
en/economy/feed.json	574925db71bacfa58c8dfcc287034e51f825e19692e38e8110422f03377de12b	2892	2	2026-03-03 08:00:00+00	2026-03-03 10:00:00+00
es/environment/newsml.xml	ebd7f59e81a81f33c6020eb6b34949dabf2b4c41af4e4d95a83d2e9e2c17d973	11434	3	2026-03-03 07:30:00+00	2026-03-03 10:00:00+00
partners/gulf-desk/ar/politics/newsml.xml	dd997541d064c397e5d0cc99f7dcf115c243fa533bc105dec7d6a84494736b68	18526	5	2026-03-03 08:20:00+00	2026-03-03 10:00:00+00
\.


--
-- Data for Name: feed_watermarks; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feed_watermarks (path, seq, config_hash, rendered_at, size, run_id) FROM stdin;
ar/environment/rss.xml	15	5ffc57e27673dd0d9bd61b7bf9fcf98bcdff9d84101db9d7f147d44eaa7071dc	2026-03-01 10:00:00+00	1553	\N
ar/environment/atom.xml	15	621f11944f44d8fa27460ccf63ac206003406b194ae3c967eeb372c16a687fa5	2026-03-01 10:00:00+00	1552	\N
ar/environment/feed.json	15	1d93cc21a51cfb7f60a1ff74cabfa6eba2cedbd94e5692660c30315ff095dbb4	2026-03-01 10:00:00+00	773	\N
ar/environment/newsml.xml	15	614a8b502cb04c3d64123c6aef17931a89b0fb964495d9de0ecd2f3c4f21c2d7	2026-03-01 10:00:00+00	-1	\N
en/politics/feed.json	51	7c062ee2bd05733f4bd5bc2f4248af3b663b651d3fad2cf3ff71c28fe3429eec	2026-03-03 10:00:00+00	3880	\N
en/politics/newsml.xml	51	da5cea64d25911c5613bd21488a3eb0873956284a033de230bd815b21163e219	2026-03-03 10:00:00+00	10183	\N
en/economy/rss.xml	51	b1d8e42d38ea1e381f265e80dc65ec29cca44abe4c522bfb904997580d84b639	2026-03-03 10:00:00+00	3502	\N
en/economy/atom.xml	51	9791a312fd6e9f2f9076f8bc2ed3893012a6177d5e83e5fe25c6fed6b57fb193	2026-03-03 10:00:00+00	3797	\N
en/economy/feed.json	51	2ffad56cbc968d49e45c8d8cc5f441202b3baa141bf0a2189bce2e851f23a6d8	2026-03-03 10:00:00+00	2892	\N
en/economy/newsml.xml	51	81fadc8efb809d05c4971c2e66b64a69a64036c150b950404bb6b6361a9925a3	2026-03-03 10:00:00+00	7066	\N
en/environment/atom.xml	51	7e1f4abcf6493ad64a26a2880facf018383ce7b497505879a26cb652b7fa2dfa	2026-03-03 10:00:00+00	3375	\N
en/environment/feed.json	51	8d879507aae25c507de95e1ca1a14990bf323a1c43ce3833b635d4db72701ea3	2026-03-03 10:00:00+00	2396	\N
en/environment/newsml.xml	51	e481fb3969b3108997970b28aaaf7154ddcbe3d5490b8ee0d182eda079e6cecf	2026-03-03 10:00:00+00	9672	\N
en/all/rss.xml	51	4aa180d1f9a940da2e80bf2503c386ea89ab6b82b69b2967d71fce675e301763	2026-03-03 10:00:00+00	7795	\N
en/all/atom.xml	51	5fa9fb8a3153a0c196df66c80a8a711a49c3ebc9307c9d1133a8bb0f39a1cce2	2026-03-03 10:00:00+00	8994	\N
en/all/feed.json	51	e4cd3962005e9d81fea3920d1d169a83e8ce8820a32b54ca4bd5db8397bdf3a7	2026-03-03 10:00:00+00	7645	\N
en/all/newsml.xml	51	807d3ee666d95089dac90fa3d76bd6521ff82b81c63357401fecfa19cbeaa60d	2026-03-03 10:00:00+00	26280	\N
ar/politics/rss.xml	51	2e8f61ede841a9a5cd755d4a047f52ba61213aaae681b7996dba41e334c0d81d	2026-03-03 10:00:00+00	7108	\N
ar/politics/atom.xml	51	b0d33bd32dd926f998d532f2d6923f47dabdff304317942223b77623e8dec019	2026-03-03 10:00:00+00	8755	\N
ar/politics/feed.json	51	b94c6dc422b9090f72a4288576d330755475830433033584ae6ba4a3c600ec93	2026-03-03 10:00:00+00	7607	\N
ar/politics/newsml.xml	51	58a88ba0e33b140070ef386bddb40f4cdc4a2b4e3c1e6df5ba9a5a673d884af4	2026-03-03 10:00:00+00	18526	\N
ar/economy/rss.xml	51	4e409b7bcdcc4414ab55f9d8117f2cf7bee4662222e91b28395bf6c5f3629c14	2026-03-03 10:00:00+00	2632	\N
ar/economy/feed.json	51	746660dfbe5058f699c61c46cadcbb6d51cf99a4d589f4d27d720cc9fd06480e	2026-03-03 10:00:00+00	1908	\N
ar/economy/newsml.xml	51	2329856bf96633c2412a3b5fb229f3e7dcf173aa3a9786514e650fd9479cce16	2026-03-03 10:00:00+00	7044	\N
ar/all/rss.xml	51	ec5f304ebc06d12fd17da98b828fbb8d68becbf6d1911cd6b5e2cc3f9167d8ba	2026-03-03 10:00:00+00	8112	\N
ar/all/atom.xml	51	9085794c2110923b134868ce2938becafa4ef4d6fa1f5561730b0e9ed294383f	2026-03-03 10:00:00+00	9887	\N
ar/all/feed.json	51	d1bd9fcc84d8af0566e012a610617c822c1ea615f49737c5adc06e6fd90cff3b	2026-03-03 10:00:00+00	8750	\N
ar/all/newsml.xml	51	5f8decf59f0bd0298b05bf9128b1402ad9cbfa5aa590a295732f581c5da924a8	2026-03-03 10:00:00+00	25302	\N
es/politics/rss.xml	51	0601f3de0ae02f918f357b93372d12bed9340313ae4d895eac58804f8870e9bb	2026-03-03 10:00:00+00	8437	\N
es/politics/atom.xml	51	4f86117c51d313fc2fe9fc40de627913f5572dab0fb322bf50b51baac7110636	2026-03-03 10:00:00+00	10088	\N
es/politics/feed.json	51	00883bb7c21d0fa63c8a5893ea44050e02e7acceaba922c981abd72034a11380	2026-03-03 10:00:00+00	9028	\N
es/politics/newsml.xml	51	c831cd9115ad46855c87c4a7cd67c391e789da9884552c881f314c621beaf94d	2026-03-03 10:00:00+00	24046	\N
es/economy/rss.xml	51	11fe4b62ba87c11552b4c6f55af0c979357d16e1c22274cca7aaf169d55fa96f	2026-03-03 10:00:00+00	5156	\N
es/economy/atom.xml	51	8916b619f7242fe6242d3dd111b59ecc45df93442d5cc376306cbdca4fb72b26	2026-03-03 10:00:00+00	5837	\N
es/economy/newsml.xml	51	a2fe00de4124a0150c285ae2b1740afbe70a85c448c6785e5220002bc202b1fa	2026-03-03 10:00:00+00	16118	\N
es/environment/rss.xml	51	5483d37bda9cefa722546aa15faddde291cafcdf0603b6726e66fb9b28151b09	2026-03-03 10:00:00+00	3539	\N
es/environment/atom.xml	51	6392bc05eee46b5045a82c9a58f48c6bc4d3a7a56b6c022978e0036323d0d7f1	2026-03-03 10:00:00+00	3942	\N
es/environment/feed.json	51	03a5039ae0a02e75b4c90ca8bad947c2215b95a637d2cfaf756b47292ee97f54	2026-03-03 10:00:00+00	3020	\N
es/environment/newsml.xml	51	cc24f49ce7899817a63283f89bfb1296ed223b3a50cb6f1bbd22fd27894943bf	2026-03-03 10:00:00+00	11434	\N
es/all/rss.xml	51	cda086088d0312d2aee64026cd9b5a006be4f0439fc5b0cf38ca47e0d979671e	2026-03-03 10:00:00+00	12934	\N
es/all/atom.xml	51	df44c6044ebe4242197bc3cfbd1ad1e19f5a872f5b1a10ba88fcd003f023cec8	2026-03-03 10:00:00+00	15450	\N
es/all/feed.json	51	467abaf2ad198d3be5d6e43e3e3b184277d6f679535ee15d83b1441f8d73764b	2026-03-03 10:00:00+00	14295	\N
es/all/newsml.xml	51	bc6f49909893b81cbc1fd97cf48446a09cfb4fe87ce60d7c371417a0f9c5a860	2026-03-03 10:00:00+00	38884	\N
partners/wire/en/politics/newsml.xml	51	788cfe69a74c0a19af5ce69f4af03f570b39e0203ea945bae44e8c41c5a79d41	2026-03-03 10:00:00+00	10354	\N
partners/wire/en/economy/newsml.xml	51	dba3ebc4459e51baa05e2938cd02d1ef14ec03fa1a26a296ffd84a16b7d57256	2026-03-03 10:00:00+00	10223	\N
partners/wire/en/all/newsml.xml	51	487816ba41a1d0bcfc9d7f08a727dfe38e21d9d7667c2b8ef1959a1d24fcd945	2026-03-03 10:00:00+00	29605	\N
partners/wire/ar/politics/newsml.xml	51	bf01618a34f8c579e79d8886a8abb5aa2f3bede1b407e1546075cfd5746d931a	2026-03-03 10:00:00+00	18526	\N
partners/wire/ar/economy/newsml.xml	51	335272c8c678815e13c8ecffe2106b24dfd1b4ffbedf97d9e5ec072e9cd1cf97	2026-03-03 10:00:00+00	7044	\N
en/politics/atom.xml	51	a19fb80e9c2597fc71dbefa22ff8839342af303a5002d3561aeac87da3c23ea7	2026-03-03 10:00:00+00	4989	\N
partners/wire/ar/environment/newsml.xml	15	8745cf6e5b1f562f09470db61dea9c13a9ec3e01f2cc9d546083840dcc2a5784	2026-03-01 10:00:00+00	-1	\N
partners/wire/es/all/newsml.xml	51	c41a41752911d23b8bbe95ff921991799de1c676ec7983d62c18fc514ab1337c	2026-03-03 10:00:00+00	38594	\N
en/politics/rss.xml	51	7f623cfdce1507c817e713a21587549a7420bd032d0cf8221c4f7e0270b3225e	2026-03-03 10:00:00+00	4320	\N
en/environment/rss.xml	51	5e286c466a4cbe533b6c06ff77d483e3536b6ba4613d5a128b3df79bc2042f21	2026-03-03 10:00:00+00	3132	\N
ar/economy/atom.xml	51	987ed021f692ccd18532728fc91e4495d99a263769a2b8220285ced9985e4275	2026-03-03 10:00:00+00	2769	\N
es/economy/feed.json	51	8d20ccb67a169c0090a53e444fcd458135e3e37f82e5fd6918e7adea23344736	2026-03-03 10:00:00+00	4939	\N
partners/wire/en/environment/newsml.xml	51	71bd881a68796a9d35a22363f3a3a58e87f7ad8db9b91847613a0e6cd1b8d0ce	2026-03-03 10:00:00+00	9672	\N
partners/wire/ar/all/newsml.xml	51	232454d1c9ac6bfdcccd3d4d9c94041d129b398e7e93a91fe951310af4e06240	2026-03-03 10:00:00+00	25302	\N
partners/wire/es/politics/newsml.xml	51	8554ac31ef418004abec66cf20d20eaae30830b5b0ee7eb2bd2cd0e1961971e3	2026-03-03 10:00:00+00	24231	\N
partners/wire/es/economy/newsml.xml	51	dd9f571524fe230d3dbbcbe0416fc5c71342caa417a82b8a59e3b71271e033d5	2026-03-03 10:00:00+00	19867	\N
partners/wire/es/environment/newsml.xml	51	8f91ffe0c0d6e51858672ad9443000250c16a0f1cf559d442031a5e34796ac04	2026-03-03 10:00:00+00	11434	\N
partners/gulf-desk/ar/politics/newsml.xml	51	f445ff2cac7a23e48e784578a9827b610f277711703159855e24e8b220809b73	2026-03-03 10:00:00+00	18526	\N
\.


--
-- Data for Name: job_runs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.job_runs (id, job, kind, fire_time, started, finished, status, error, counts, owner, attempts) FROM stdin;
1	publish-all	publish	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00	success	\N	{"failed": 0, "held_back": 0, "item_files": 36, "rendered": 56, "skipped": 5, "unchanged": 0, "written": 56}	vm:16114	1
2	publish-all	publish	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00	success	\N	{"failed": 0, "held_back": 0, "item_files": 0, "rendered": 0, "skipped": 61, "unchanged": 0, "written": 0}	vm:16129	1
\.


--
-- Data for Name: publish_cursors; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.publish_cursors (name, seq, at) FROM stdin;
timers	51	2026-03-03 10:00:00+00
\.


--
-- Data for Name: publish_timers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.publish_timers (article_id, due_at, lang, category) FROM stdin;
nv-0301-summit-statement	2026-03-02 06:00:00+00	en	politics
nv-0301-summit-statement~es	2026-03-02 06:00:00+00	es	politics
nv-0302-central-bank-rates	2026-03-04 12:00:00+00	en	economy
nv-0302-central-bank-rates~es	2026-03-04 12:00:00+00	es	economy
nv-0305-cabinet-reshuffle	2026-03-05 09:00:00+00	en	politics
nv-0305-cabinet-reshuffle~es	2026-03-05 09:00:00+00	es	politics
\.


--
-- Data for Name: push_queue; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.push_queue (id, partner, cursor, version_seq, article_id, version, state, attempts, next_attempt_at, lease_until, claimed_by, last_error, last_status, created_at, updated_at) FROM stdin;
1	wire	1	1	nv-0301-council-budget	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
2	wire	2	2	nv-0301-port-fees	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
3	wire	3	3	nv-0301-ar-parliament-session	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
4	gulf-desk	3	3	nv-0301-ar-parliament-session	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
5	wire	4	4	nv-0301-ar-bread-prices	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
6	wire	5	5	nv-0301-wetland-survey	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
7	wire	6	6	nv-0301-summit-statement	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
8	wire	7	7	nv-0301-jobs-report	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
9	wire	8	8	nv-0301-council-budget-ar	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
10	gulf-desk	8	8	nv-0301-council-budget-ar	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
11	wire	9	9	nv-0301-jobs-report~es	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
12	wire	10	10	nv-0301-summit-statement~es	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
13	wire	11	11	nv-0301-ar-bread-prices~es	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
14	wire	12	12	nv-0301-council-budget~es	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
15	wire	13	13	nv-0301-port-fees~es	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
16	wire	14	14	nv-0301-ar-parliament-session~es	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
17	wire	15	15	nv-0301-wetland-survey~es	1	pending	0	2026-03-01 10:00:00+00	\N	\N	\N	\N	2026-03-01 10:00:00+00	2026-03-01 10:00:00+00
18	wire	18	16	nv-0301-council-budget	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
19	wire	19	17	nv-0301-jobs-report	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
20	wire	20	18	nv-0301-port-fees	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
21	wire	21	19	nv-0302-election-date	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
22	wire	22	20	nv-0302-ar-border-crossing	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
23	gulf-desk	22	20	nv-0302-ar-border-crossing	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
24	wire	23	21	nv-0302-central-bank-rates	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
25	wire	24	22	nv-0302-flood-warning	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
26	wire	25	23	nv-0302-ar-fuel-subsidy	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
27	wire	26	24	nv-0301-council-budget-ar	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
28	gulf-desk	26	24	nv-0301-council-budget-ar	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
29	wire	27	25	nv-0302-ar-fuel-subsidy~es	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
30	wire	28	26	nv-0302-central-bank-rates~es	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
31	wire	29	27	nv-0302-ar-border-crossing~es	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
32	wire	30	28	nv-0302-election-date~es	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
33	wire	31	29	nv-0302-flood-warning~es	1	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
34	wire	32	30	nv-0301-jobs-report~es	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
35	wire	33	31	nv-0301-council-budget~es	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
36	wire	34	32	nv-0301-port-fees~es	2	pending	0	2026-03-02 10:00:00+00	\N	\N	\N	\N	2026-03-02 10:00:00+00	2026-03-02 10:00:00+00
37	wire	35	33	nv-0301-jobs-report	3	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
38	wire	36	34	nv-0302-flood-warning	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
39	wire	37	35	nv-0302-ar-fuel-subsidy	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
40	wire	38	36	nv-0301-ar-parliament-session	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
41	gulf-desk	38	36	nv-0301-ar-parliament-session	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
42	wire	39	37	nv-0301-council-budget	3	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
43	wire	40	38	nv-0301-ar-bread-prices	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
44	wire	41	40	nv-0303-ar-candidates	1	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
45	gulf-desk	41	40	nv-0303-ar-candidates	1	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
46	wire	42	41	nv-0303-solar-farm	1	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
47	wire	43	42	nv-0302-election-date-ar	1	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
48	gulf-desk	43	42	nv-0302-election-date-ar	1	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
49	wire	44	44	nv-0303-ar-candidates~es	1	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
50	wire	45	45	nv-0303-solar-farm~es	1	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
51	wire	46	46	nv-0302-ar-fuel-subsidy~es	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
52	wire	47	47	nv-0302-flood-warning~es	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
53	wire	48	48	nv-0301-jobs-report~es	3	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
54	wire	49	49	nv-0301-ar-bread-prices~es	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
55	wire	50	50	nv-0301-council-budget~es	3	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
56	wire	51	51	nv-0301-ar-parliament-session~es	2	pending	0	2026-03-03 10:00:00+00	\N	\N	\N	\N	2026-03-03 10:00:00+00	2026-03-03 10:00:00+00
\.


--
-- Data for Name: translation_memory; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.translation_memory (engine, model_id, src, dst, source_hash, target) FROM stdin;
identity	identity	en	es	172258aa1fa3c4aaebbbf8ecc1d9a97310d45d3ef6aa60d4677e2f878c0eabe2	Unemployment falls to 6.1 percent in February
identity	identity	en	es	9b40c9a6de022a4d8163141dae162919dd55f88ad2f3c4169b7c7879108c7dfe	The statistics office reported 4,800 new jobs last month.
identity	identity	en	es	db099729c1c2d34b308d2710de603468c9b432962382cda80711c91e28cb9909	Unemployment in the valley fell to 6.1 percent in February from 6.4 percent in January, the statistics office said on Sunday.
identity	identity	en	es	0fa4a79ac8e81ec5255fb91edca4b1196ff62140917b772936b7271921204553	The office counted 4,800 new jobs, most of them in construction and retail.
identity	identity	en	es	f0c0e905d4f985a1c00feb903f78c3443a379cb851cb4d3c995a8035d9eaf9d2	Regional leaders to sign water-sharing declaration
identity	identity	en	es	cd25bcd4d8aba75061da5a27bab5d4843de31012faff7d9447a059c2ed91044e	The declaration sets quotas for the three countries along the river.
identity	identity	en	es	2b8ecd6a895c695a49ea538593ba22072a9bd7770f3c00f60d40fa9e8abda8f0	Leaders of the three riverside countries will sign a declaration on sharing the river's water at a summit on Monday, according to a text seen by North Valley Newsroom.
identity	identity	en	es	c4578081bee083bb3c9e9e295406202c9948c4ee3d1c5fa61585f8d368e47440	The declaration sets seasonal quotas and creates a joint monitoring commission.
identity	identity	en	es	d523c9e0ddb08128e6ebbcaa395f807ee0d1851f6f262ba4658908cdee3d1863	Riverside council approves budget after late-night session
identity	identity	en	es	891b3f1e0acf749f012f788454ea25d69b5077a4f781c5f24376a57b51e6d646	The council passed next year's budget by nine votes to six after an eleven-hour debate.
identity	identity	en	es	e502afbde3f01dec17a4425914d9192d7b36c80c248e9fc17796b7e31edadc9a	Riverside's municipal council approved next year's budget early on Sunday by nine votes to six, after an eleven-hour session that ran past midnight.
identity	identity	en	es	8f2db482aa655bef56ef77f5f1a54d3bf5a264d79b37e31db154c8f84b9a73b1	The budget raises spending on public transport and school repairs.
identity	identity	en	es	2031c585813cdc834841b20c583e8c82bfe0909da438dd67d53b5f28ce976efe	Opposition members said the plan relies on optimistic revenue forecasts.
identity	identity	en	es	65191d503a82f2b6b2caae74b1c5fd7d98027ef43b924d39a3ed891b470b70af	Port authority raises container fees for the first time in six years
identity	identity	en	es	089c3ca6e47f26506ffb23c9cbb38dff9df7af7a3526d7de3fd89584a2921223	Shipping firms will pay twelve percent more per container from April.
identity	identity	en	es	18092c3c09b44967504b7c7d1f990e5300fc6136d8399887bed1b263e6020e7a	The port authority said on Sunday it will raise container handling fees by twelve percent from the first of April, the first increase in six years.
identity	identity	en	es	d52b0c91219540e20e5f13c157a00218458d242353273ea06c1fdde9f285a6ab	The authority blamed higher energy and maintenance costs.
identity	identity	en	es	0190bd96c8e8d1cf615294a097bfe3236faf187a64fbae99d9a3c0d896861ad9	Two shipping lines said they would pass the increase on to importers.
identity	identity	en	es	dc7568773c12179d78a859cdba7cb31c46c73d8ba8f7ade8bca3062349a0c631	Volunteers count record number of herons at Millbrook wetland
identity	identity	en	es	de9a3a6a70af569cd14972f121a593de12940d02491a21969ecd9e3382f416a1	The annual survey found 214 grey herons, the highest count since records began.
identity	identity	en	es	93a2bea147deb9625aa71631fa18116e343d11546704d030dc6b76c893e52f68	Volunteers taking part in the annual bird survey at the
identity	identity	en	es	a60cb1e409268ee465523876f690dc85217e96e2c5fd6bd29d47bfa8635972c9	Millbrook wetland
identity	identity	en	es	ac9da4941af595c46a47757b120343c96c9fc7e3e1bbbac613edd897a28620b5	counted 214 grey herons, the highest number since the count began in 1998.
identity	identity	en	es	ff47641db71bc04bc4b052d32fe159abb0dc40d575ea4dfebd753c86a138b25a	Conservation officers credited the restoration of reed beds along the eastern bank.
identity	identity	ar	es	394929eb5bf4db4849781543c7a884f69fbac502aa1b6122e53bcda137e8fe87	ارتفاع أسعار الخبز في الأسواق الشمالية
identity	identity	ar	es	f614a7b52c02cb7378f462fa81475f3e78df475a3a7a63ca0d0a42a1e40ab6e0	ارتفع سعر ربطة الخبز بنسبة عشرة في المئة خلال أسبوعين.
identity	identity	ar	es	1838f0001cc1457ab7792baf71333dd01d45273fe22aaaa2a276b0ccc966b371	ارتفعت أسعار الخبز في أسواق المدن الشمالية بنسبة عشرة في المئة خلال الأسبوعين الماضيين، بحسب جمعية حماية المستهلك.
identity	identity	ar	es	58dc9b7db854e3614d3433dca20f503a93ea0cfad2985afa4cccd12e296243a4	وعزا أصحاب المخابز الارتفاع إلى زيادة كلفة الطحين والوقود.
identity	identity	ar	es	ac4220930360c2f2b9eaca40b1b5d4bdd2b27e68395ec41af82b1947a4c3ebf2	البرلمان يؤجل التصويت على قانون الانتخابات المحلية
identity	identity	ar	es	7da5fccd46f343e62382a2f01ed0190f49a2c2666b3db6b13249896665c45244	قرر رئيس البرلمان تأجيل الجلسة أسبوعاً لإتاحة الوقت لمزيد من المشاورات.
identity	identity	ar	es	ffbe1315009ee451f2543778b49fd3fb5c578cc0dcd23dde75c9b9e75c2eee90	أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة أسبوع، بعد خلاف بين الكتل حول توزيع الدوائر.
identity	identity	ar	es	f93db8ae9c2bfbc1ac9bc1b244bd4b468a88cf6123c5cd0d5db20db4dc0176fb	وقال رئيس البرلمان إن التأجيل يهدف إلى الوصول إلى توافق أوسع قبل التصويت.
identity	identity	ar	es	65b71d4f16a63d4b7997a3ae7b422fe5547589e6d117868306a86c950a01be8d	الحكومة تدرس خفض دعم الوقود
identity	identity	ar	es	19adca5b8925aef9c83d10b281558e305e21a6999db5aa94450c70bbcd651017	تناقش الحكومة خطة لخفض الدعم تدريجياً خلال عامين.
identity	identity	ar	es	f386cb1fdb7e38d6192255cec75d6ff3ca85446eba9c31d721b4455a536bdc4f	قالت مصادر حكومية إن مجلس الوزراء يدرس خطة لخفض دعم الوقود تدريجياً على مدى عامين.
identity	identity	ar	es	c545b6a639fa3328ea096066ab564a0faa709660027a50f025da5ff0377d2d33	ولم يصدر أي تعليق رسمي حتى الآن.
identity	identity	ar	es	548d3622ed913efab23ea7378cde9f65e5b9158bd196bde6cda1ed26b62d6f1d	إعادة فتح معبر الشمال أمام المسافرين
identity	identity	ar	es	13ef21c0c1762db307999949c218f1ba242815f6c91f9bf16cb9443fee8c541d	أعيد فتح المعبر بعد إغلاق دام ثلاثة أشهر بسبب أعمال الصيانة.
identity	identity	ar	es	748745fbb57ffbddfe018ff974403364362da8274795795a1ecf1ca3721eb49e	أعادت السلطات يوم الاثنين فتح معبر الشمال أمام المسافرين بعد إغلاق دام ثلاثة أشهر لأعمال الصيانة.
identity	identity	ar	es	2435a2a8883ddd77f0002e7bb0cda7f4900d6077ec310308c6f9fd6e83ee06c8	وسيعمل المعبر من السادسة صباحاً حتى العاشرة ليلاً.
identity	identity	en	es	52e7960211d362a87a7ee2053e07285a6c98669619a3dbc8db455a02d2f7821a	Central bank cuts its main rate by a quarter point
identity	identity	en	es	141dee7551e69f4a257ba6e28530869d85467a4169d6c5cd684e29183e12ddc3	The bank lowered the rate to 3.25 percent, citing slower inflation.
identity	identity	en	es	94085296baa57409a57e845083ff21dbe8c1291edbdb8d67d6ab7cc0445ff3f3	The central bank cut its main interest rate by a quarter of a percentage point to 3.25 percent, citing slower inflation over the winter.
identity	identity	en	es	8de24bcb3c887de880a9982bd196239fdd11dab7a4184af4f08ff6522febe689	The governor said further cuts would depend on energy prices.
identity	identity	en	es	80d05c66051fbede2e39a7610a36a1e5977a30fd412c430fba196ee7bbd68c4f	Electoral commission sets local elections for the fourteenth of June
identity	identity	en	es	714c79c0cdce51a9323c9ca7f6a7a58a19b6bdd85a44ccf7c1037156f668a44d	Voter registration opens next week and runs for six weeks.
identity	identity	en	es	36cbe1182d4ef123b3ee8df0ec576e779234199d03cdcfa5c0b0678039c4cdf0	The electoral commission on Monday set the date of the local elections for the fourteenth of June.
identity	identity	en	es	1d4ecba544718d952bcdae1a9e972b4725cbf6ba119aeb2516edc1e3ba10a09d	Voter registration opens next Monday and runs for six weeks.
identity	identity	en	es	595d1079835ddd221ecfe06afbd0c51575630214c23170de4466e098aa2c076d	The commission said it would open forty new polling stations in rural districts.
identity	identity	en	es	b1271d399fe6b337b6358ea4335bf81c56117f166c951310867f68e09276efe7	Flood warning issued for the lower river valley
identity	identity	en	es	9f543869d95a530244ee2b57aa6c2b195dc42c47a494bfe638f0de511424844b	Heavy rain is expected to raise river levels by up to two metres.
identity	identity	en	es	12b1b3789b20ac7c996e5bdabba20dd591da8f67cc0ad8d4ebaa82eae750f8d8	The weather service issued a flood warning for the lower river valley on Monday, with heavy rain expected through Wednesday.
identity	identity	en	es	f6a4530feefac81e45bbaf671e671cf5204afabaec9a1daa0bff0a5d58fe0c31	Residents of low-lying streets were advised to move vehicles and valuables to higher ground.
identity	identity	en	es	587078da7d367a0024ffd1196664c647b54222adf51746bd16e394cf6fdef017	The statistics office reported 4,800 new jobs last month, with youth unemployment also down.
identity	identity	en	es	80889900f8b3da1b6852091fdd6b9c99c0a5bc6fecfb15639590e57ab6f98c71	Youth unemployment fell to 14.2 percent, its lowest level in three years.
identity	identity	en	es	67ac83b839838e732d44d0ea32615ec442452afc4c512701bbfd6dfe03e781b6	The mayor is expected to sign the budget on Tuesday.
identity	identity	en	es	be3e585119b51feb4629a814036942228ec21380e1a377d98992bec56e827e29	Two councillors said they would ask for a review of the transport spending.
identity	identity	en	es	a9401fcc90077d3296693d8f82647690704b56ac957a183b84e94af7b11c91be	Port authority raises container fees; importers warn of higher prices
identity	identity	en	es	064f434276e4c7fbbe349cf01cbeed2a98a0b5a9f033a84d1577359519d6867d	The importers' association said on Monday the increase would add about 0.3 percent to consumer prices.
identity	identity	en	es	cd033ebbc4cf547bd3963eb8829f05a04e6b6e9c11c422a9fc20af11828d1493	Prime minister to announce cabinet changes on Thursday
identity	identity	en	es	63e23523d1a6a5cde2bdfd224803b3b02985fb99f71bc70e24eb4fdf0c0796d6	Three ministries are expected to get new ministers.
identity	identity	en	es	c464dd2f3dac3756f216eefc944ddb541fda6c5c2ba0a325e0e353155323ae67	The prime minister will announce changes to the cabinet on Thursday, his office said.
identity	identity	en	es	143af3d47680581d507ca7a68e2f912e32369841ed1da4bd3be8eb2c7fac2f3c	The ministries of transport, health and agriculture are expected to get new ministers.
identity	identity	en	es	af2ec5857822ef85a1233f33184741a89ef799e6b625090bb8e063a90ea9fac1	First panels installed at the Eastfield solar farm
identity	identity	en	es	1830cb2a13b5fb5c7579431129241cdbe38673fe72edd45fda4a490a8e77da6e	The farm is due to supply power to 9,000 homes by the autumn.
identity	identity	en	es	8f12581c2be43ecf3200af906e44b58aa0c784fb596b2ad406835adc79de87f6	Workers installed the first panels at the Eastfield solar farm on Tuesday.
identity	identity	en	es	f9ebe1e44b9ab190b393ffbed446a1a9ea9a2a7035f41f936facc2dfa319a0f0	The operator said the site would supply power to about 9,000 homes by the autumn.
identity	identity	en	es	576c1a772810856337e88221dfee680456d50da97b04772144cb1feafb422fc1	Local farmers will continue to graze sheep between the rows of panels.
identity	identity	en	es	e657ab71df327f09e90fd9e761c25dfc8705ecc801191e008425c585283e0f34	Unemployment falls to 6.2 percent in February
identity	identity	en	es	5c4f158ff388eeb94811f3eb205229fb8ce6f990df7bd5e1ef0f9a791173608d	Unemployment in the valley fell to 6.2 percent in February from 6.4 percent in January, the statistics office said on Sunday.
identity	identity	en	es	7c531f430058caf9c68b9b4f03e84a7ed4f1f0fbebabd5f99be2f32362ab1745	The council passed next year's budget by nine votes to five after an eleven-hour debate.
identity	identity	en	es	d9a5ca30a493b1ec6f716a49c841f8ce2346bf9064b4b854acffc017a5cfb799	Riverside's municipal council approved next year's budget early on Sunday by nine votes to five, after an eleven-hour session that ran past midnight.
identity	identity	ar	es	326b2c2da81caa8aa517134b59bebddacb94537c5dd0e806ed0755a8cae6428a	أكثر من ثلاثمئة مرشح يتقدمون للانتخابات المحلية
identity	identity	ar	es	b2eeb0adbb065a4e102030a1eed1becf05ee738b4cb4588c2778dce20d7946c3	أغلق باب الترشح بعد أسبوعين من فتحه.
identity	identity	ar	es	5156a842371718ba4700c41d07e9c8cea115d2fbc406512ac97ee8e162510a9b	أعلنت لجنة الانتخابات يوم الثلاثاء أن 312 مرشحاً تقدموا بطلبات الترشح للانتخابات المحلية.
identity	identity	ar	es	aaab8c1f6376cecdf16cdb3cc46f5b37837708c39d703b67af73a370b6589b9a	وستنشر اللجنة القوائم النهائية بعد انتهاء فترة الطعون.
identity	identity	ar	es	2b8336007d972fffffa88ce50ea1f2a73d3db1b0e8c4515479b2d72f34530be1	وأعلنت وزارة التجارة أنها ستراقب الأسعار في الأسواق خلال الأسابيع المقبلة.
identity	identity	ar	es	9c3cee60584a1eacf60538ea38c65a244a5948f1505b2124c3906db360899e32	قرر رئيس البرلمان تأجيل الجلسة عشرة أيام لإتاحة الوقت لمزيد من المشاورات.
identity	identity	ar	es	96e19ab3cb47126a6935ec90940bd97bb878b8707871c6ec0acee8e5034b5197	أجّل البرلمان يوم الأحد التصويت على مشروع قانون الانتخابات المحلية لمدة عشرة أيام، بعد خلاف بين الكتل حول توزيع الدوائر.
\.


--
-- Name: article_versions_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.article_versions_seq_seq', 51, true);


--
-- Name: job_runs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.job_runs_id_seq', 2, true);


--
-- Name: push_queue_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.push_queue_id_seq', 56, true);


--
-- Name: article_versions article_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_versions
    ADD CONSTRAINT article_versions_pkey PRIMARY KEY (seq);


--
-- Name: articles articles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (id);


--
-- Name: delivery_changes delivery_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery_changes
    ADD CONSTRAINT delivery_changes_pkey PRIMARY KEY (version_seq);


--
-- Name: delivery_counter delivery_counter_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery_counter
    ADD CONSTRAINT delivery_counter_pkey PRIMARY KEY (id);


--
-- Name: feed_state feed_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_state
    ADD CONSTRAINT feed_state_pkey PRIMARY KEY (path);


--
-- Name: feed_watermarks feed_watermarks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_watermarks
    ADD CONSTRAINT feed_watermarks_pkey PRIMARY KEY (path);


--
-- Name: job_runs job_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.job_runs
    ADD CONSTRAINT job_runs_pkey PRIMARY KEY (id);


--
-- Name: publish_cursors publish_cursors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publish_cursors
    ADD CONSTRAINT publish_cursors_pkey PRIMARY KEY (name);


--
-- Name: publish_timers publish_timers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.publish_timers
    ADD CONSTRAINT publish_timers_pkey PRIMARY KEY (article_id, due_at);


--
-- Name: push_queue push_queue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_queue
    ADD CONSTRAINT push_queue_pkey PRIMARY KEY (id);


--
-- Name: translation_memory translation_memory_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.translation_memory
    ADD CONSTRAINT translation_memory_pkey PRIMARY KEY (engine, model_id, src, dst, source_hash);


--
-- Name: article_versions uq_article_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.article_versions
    ADD CONSTRAINT uq_article_version UNIQUE (article_id, version);


--
-- Name: job_runs uq_job_runs_job_fire; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.job_runs
    ADD CONSTRAINT uq_job_runs_job_fire UNIQUE (job, fire_time);


--
-- Name: push_queue uq_push_partner_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push_queue
    ADD CONSTRAINT uq_push_partner_version UNIQUE (partner, version_seq);


--
-- Name: ix_articles_family; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_family ON public.articles USING btree (family, lang);


--
-- Name: ix_articles_feed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_feed ON public.articles USING btree (lang, category, published);


--
-- Name: ix_articles_lang_published; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_lang_published ON public.articles USING btree (lang, published);


--
-- Name: ix_articles_seq; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_seq ON public.articles USING btree (seq);


--
-- Name: ix_delivery_changes_article; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_changes_article ON public.delivery_changes USING btree (article_id, version);


--
-- Name: ix_delivery_changes_early; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_changes_early ON public.delivery_changes USING btree (early_cursor);


--
-- Name: ix_delivery_changes_public; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_changes_public ON public.delivery_changes USING btree (public_cursor);


--
-- Name: ix_job_runs_job_started; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_job_runs_job_started ON public.job_runs USING btree (job, started);


--
-- Name: ix_publish_timers_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_publish_timers_due ON public.publish_timers USING btree (due_at);


--
-- Name: ix_push_queue_partner_state; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_push_queue_partner_state ON public.push_queue USING btree (partner, state, cursor);


--
-- PostgreSQL database dump complete
--

\unrestrict syndicatev010fixture

