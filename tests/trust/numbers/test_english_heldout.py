"""English quantities in text neither round of issue 20 saw: what ``find_quantities`` finds in the sentence,
and what ``parse_quantity``/``parse_range`` read in the figure's own text.

The table was written by us (the summarizer team: the helper that then worked on the parser) by hand, from
sentences of the English ``tune.jsonl`` articles of ``benchmarks/data/consistency`` (BUMP's CNN/DailyMail
half, MIT; SummEdits' ectsum earnings calls, sales_email and scitldr, Apache-2.0) and
``benchmarks/data/extractive`` (BUMP CNN/DailyMail, MIT); licenses in those folders. Left out: the six
articles the first table (``test_english_news.py``) cut from (bump-t1-a8701, bump-cnndm-t2-a965 and the
four sales emails that write 24/7), and every article of the ``heldout`` files.

Sampled, not chosen: the articles in order of their group key, split into sentences (after ``.!?`` before
a capital, and at line breaks); the sentences that hold a digit or an English number word, per source; then
every 13th (BUMP), 4th (ectsum), 8th (sales_email) and every one (scitldr), from the middle of the first
step. Of those, the sentences with a quantity in them are here. A row is one quantity a careful reader
gives: the figure's text as the sentence writes it (qualifier words, the number, its unit, and a count's
noun when it is the next word), its value (``R(low, high)`` for a range, ``None`` for a vague amount that
is no number), its unit (``ANY``: not checked, the thing a count counts) and its qualifier. Not rows:
dates and years, clock times, ordinals (10th, third quarter), names and codes (AK-47, MAX 9, S&P 500, Q2,
CIFAR-100, L27), list markers, phone numbers, and "one" as a pronoun (from one language to another).
Cents are read as hundredths of a dollar on both sides.

A row is read right by the scanner when ``find_quantities(sentence)`` gives a quantity overlapping the
figure's text with the reader's value (or range), unit and qualifier (a vague amount: no quantity there),
and by the parser when ``parse_quantity_or_range(figure)`` gives them. ``FIRST_RUN`` records the rows either
got wrong on the table's first run, before any change to the parser (scanner 113/130, parser 120/130, both
110/130); ``NOT_DONE`` holds those still wrong, which xfail (strict). The rows of ``FIRST_RUN`` read right now
were fixed after they were seen: they no longer measure unseen text.

``PYTHONPATH=tests python tests/trust/numbers/test_english_heldout.py`` prints the scores and the misses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.quantity_tables import ANY, R, key, parsed, report, scanned

SENTENCES = {
    "bump-6": 'After two years of intense and solid training - which included following a strict vegan diet for a year - he shed the excess weight and now weighs 12st.',  # bump-cnndm-t2-a10366
    "bump-32": 'Sytsma, 46, was attacked by two cane corsos last July in Metamora Township, 45 miles northwest of Detroit.',  # bump-cnndm-t2-a11024
    "bump-45": "'Animal control should have done something,' said April Smith, who was bitten in May 2012 while walking her two dogs.",  # bump-cnndm-t2-a11024
    "bump-58": 'The Home Office was warned that Lord Janner was abusing young boys two decades ago but did nothing about it.',  # bump-cnndm-t2-a11432
    "bump-71": 'In 2013, paedophile BBC presenter Stuart Hall signed over the deeds of his £2million mansion to his wife just before he was jailed.',  # bump-cnndm-t2-a11432
    "bump-84": 'Aston Villa have won just one of the last 38 Premier League games against Manchester United (L27 D10 W1).',  # bump-cnndm-t2-a1421
    "bump-97": 'The latest World Health Organization Report confirmed a total of 30 new confirmed cases of Ebola were reported in the week of April 5.',  # bump-cnndm-t2-a184
    "bump-110": "United's big signing of the season, Robin van Persie, proved his worth when he fired home a free-kick from the edge of the box for another stoppage time winner, putting Rooney and co six points clear at the top of the Premier League table.",  # bump-cnndm-t2-a1955
    "bump-123": 'Likewise, women make up 52% of moviegoers.',  # bump-cnndm-t2-a249
    "bump-149": 'Rosberg made his feelings plain to Hamilton immediately afterwards, yet the 30-year-old was completely exonerated of any wrongdoing.',  # bump-cnndm-t2-a4194
    "bump-162": "Written by the boxer himself, the song is called 'I Fight for the Filipino People' and Kimmel even joined in with the 36-year-old.",  # bump-cnndm-t2-a4293
    "bump-175": 'This is a huge number of cases for an area that has a population of only a few thousand people.',  # bump-cnndm-t2-a626
    "bump-188": 'NICE now states that doctors and midwives should not routinely clamp the cord ‘earlier than one minute from the birth of the baby’.',  # bump-cnndm-t2-a6718
    "bump-214": "Right now, China operates the world's fastest commercial maglev, which has hit 431 kilometers per hour (268 miles per hour) on a route through Shanghai.",  # bump-cnndm-t2-a847
    "bump-227": 'They couple have each been charged with two counts of child neglect with great bodily harm and are now locked up the Palm Beach County Jail on $100,000 bail.',  # bump-cnndm-t2-a8670
    "bump-240": 'All three players were in the city for games on Wednesday .',  # bump-cnndm-t2-a8816
    "bump-266": 'Calories: 196 .',  # bump-t1-a10014
    "bump-279": 'Carbs: 26.1g .',  # bump-t1-a10014
    "bump-292": 'Carbs: 45g .',  # bump-t1-a10014
    "bump-318": 'Cals: 116kcal .',  # bump-t1-a10014
    "bump-331": 'Fibre: 2.7g .',  # bump-t1-a10014
    "bump-344": 'Sodium:0.3g .',  # bump-t1-a10014
    "bump-357": 'Calories: 275 .',  # bump-t1-a10014
    "bump-370": 'You can fill up a car for under 2 cents and get 12 beers for a dollar!',  # bump-t1-a10048
    "bump-383": 'The Jackson County jury found Susan Monica guilty of murdering two men about a year apart, then abusing their corpses by feeding them to the animals at her farm, The Medford Mail Tribune reported.',  # bump-t1-a10236
    "bump-396": 'Pictured above in two mugshots, one wearing a long wig and the other bald .',  # bump-t1-a10236
    "bump-448": 'Meatballs and Malm beds: Ikea is as famous for its meatballs as its cheap self-assembly furniture and the company sells one billion of its regular meatballs every year .',  # bump-t1-a6033
    "bump-461": 'A 77-year-old woman was left partially blind after a lightning bolt struck her as she sat in her car.',  # bump-t1-a6266
    "bump-474": 'Iowa has about 60 million laying hens, according to the Iowa Egg Council and is the top egg producer in the country.',  # bump-t1-a632
    "bump-487": 'Bollaert earned about $900 a month in website ad revenue and collected about $30,000 from victims.',  # bump-t1-a6589
    "bump-500": 'The Wagners had seven of their own children before they decided to take Binh and Phouc in.',  # bump-t1-a6793
    "bump-513": "Her fixation with the Japanese characters started at the age of nine when she saw a picture of the cartoon's protagonist, Pikachu in a Nintendo magazine.",  # bump-t1-a6799
    "bump-526": 'If the father is over 45, there is a threefold increased risk of retinoblastoma, a rare type of eye cancer.',  # bump-t1-a7498
    "bump-539": 'Two vivid, primary rainbows can be seen to the left of the image, while dimmer reflections, which have the order of the colors reversed, appear further to the right.',  # bump-t1-a8261
    "bump-578": 'It did affect me for a few holes and I fell away (he finished 10th).',  # bump-t2-a1973
    "bump-591": 'Officials determined at least four drank milkshakes that contained Blue Bell ice cream.',  # bump-t2-a5230
    "bump-604": 'The crash on Wednesday killed four-year-old twins Madit and Anger (pictured) and their one-year-old brother Bol when the 4WD plunged into a lake .',  # bump-t2-a6896
    "bump-617": "Mr Manyang's 16-year-old niece, Amani Alier, said the family were trying to console him following the devastating news.",  # bump-t2-a6896
    "bump-643": "Sultan said that after nine weeks of testimony, prosecutors 'still haven't proved to you who killed Odin Lloyd.' During the trial, which started in late January, the prosecution called 131 witnesses while the defense called three.",  # bump-t2-a8912
    "bump-656": "The State Department pays the entire tab, which averaged about $500,000 each for Obama's seven dinners, said White House spokesman Patrick Ventrell.",  # bump-t2-a9334
    "ect-2": 'AutoNation same-store pre-owned units were up 28% year-over-year and 20% compared to 2019.',  # summedits-ectsum-ectsum_AN_q1_2021
    "ect-10": 'With this expansion, we have set the long-term goal of selling over 1 million combined new and used retail units per year.',  # summedits-ectsum-ectsum_AN_q3_2020
    "ect-14": 'For the quarter, same store total variable gross profit per vehicle retailed increased $966 or 28% compared to the prior year.',  # summedits-ectsum-ectsum_AN_q3_2020
    "ect-18": 'Our reported first quarter earnings per share was $5.52 compared to a loss of $1.46 in the first quarter 2020.',  # summedits-ectsum-ectsum_BG_q1_2021
    "ect-30": "We have reset our net CapEx spend plans for 2020, and we've lowered our expected spend by more than $50 million to preserve capital and support our free cash flow for the year.",  # summedits-ectsum-ectsum_CLH_q1_2020
    "ect-34": 'As Alan mentioned, we drew $150 million on our revolver during the first quarter which increased our cash and short-term marketable securities to $494.3 million at quarter end.',  # summedits-ectsum-ectsum_CLH_q1_2020
    "ect-42": 'Net of this adjusting item, earnings per share in the quarter were $6.86.',  # summedits-ectsum-ectsum_COF_q3_2021
    "ect-46": 'Load factor came in at an average of 79% for the quarter, an increase compared to Q2 while operating 49% more ASMs.',  # summedits-ectsum-ectsum_CPA_q3_2021
    "ect-50": "We will receive two of these aircraft in 2022 for a total of seven MAX 9 deliveries next year and the other 10 aircrafts will be added to Copa's deliveries from 2023 through 2025.",  # summedits-ectsum-ectsum_CPA_q3_2021
    "ect-54": 'We are also raising our adjusted earnings per share range for the full year by $0.30 per share and now expect adjusted earnings per share of $3.67 per share, at the midpoint of the range provided.',  # summedits-ectsum-ectsum_DD_q1_2021
    "ect-58": "Net income on a GAAP basis in the second quarter was $76.2 million or $0.73 per diluted share, and that compares to $88.5 million or $0.86 per diluted share in last year's Q2.",  # summedits-ectsum-ectsum_DLB_q2_2021
    "ect-62": 'Adjusted earnings per share were $0.94, up 38% versus the second quarter of last year, reflecting strong income growth and lower interest expense associated with our debt reduction.',  # summedits-ectsum-ectsum_FUL_q2_2021
    "ect-70": 'Third quarter adjusted diluted earnings per share was $1.63 reflecting the EBITDA drop-through because the below the line items essentially netted out to zero.',  # summedits-ectsum-ectsum_IQV_q3_2020
    "ect-74": 'And adjusted diluted EPS, we are expecting to be between $6.25 and $6.35, which is an increase of $0.10 over our prior guidance at the midpoint of the range.',  # summedits-ectsum-ectsum_IQV_q3_2020
    "ect-78": 'And adjusted diluted earnings per share grew 20.9% to $2.55.',  # summedits-ectsum-ectsum_IQV_q4_2021
    "ect-82": 'This brought our free cash flow for the full year to a record $2.3 billion, up 70% versus the prior year.',  # summedits-ectsum-ectsum_IQV_q4_2021
    "ect-86": 'And finally, adjusted diluted earnings per share is expected to be between $2.40 and $2.46, growing 10.1% to 12.8%.',  # summedits-ectsum-ectsum_IQV_q4_2021
    "ect-90": 'The dollar value of our net orders increased 89% year-over-year to $1.65 billion, and unit net orders increased by 73%, driven by a 70% increase in our monthly absorption rate to 6.1.',  # summedits-ectsum-ectsum_MDC_q3_2020
    "ect-94": 'As a result of our strong sales, we ended the quarter with an estimated sales value for our homes in backlog of $3.1 billion, which was up 47% year-over-year.',  # summedits-ectsum-ectsum_MDC_q3_2020
    "ect-98": 'This reflects a $20 million recapture of previous provisions for credit losses, combined with $40 million of net charge-offs in the quarter.',  # summedits-ectsum-ectsum_MTB_q3_2021
    "ect-102": 'The increase in the dividend to $0.13 per share is consistent with our intention to initially increase the dividend to a level that approximates the yield of the S&P 500.',  # summedits-ectsum-ectsum_OXY_q4_2021
    "ect-110": 'Non-GAAP net income attributable to Reliance for the third quarter of 2020 was $120.9 million, resulting non-GAAP earnings per diluted share of $1.87, down from $2.39 in the third quarter of 2019 and mainly due to lower pricing, demand levels; and up from $1.36 in the second quarter of 2020 due to our strong gross profit margin and recovering demand.',  # summedits-ectsum-ectsum_RS_q3_2020
    "ect-114": 'As a result, we estimate our tons sold will be down 4% to 6% in the fourth quarter of 2020 compared to the third quarter of 2020.',  # summedits-ectsum-ectsum_RS_q3_2020
    "ect-118": 'Our third straight period exceeding pre-pandemic levels; C&I, sequential improvement, sequential advancement; RS&I is solid; the tools group, strong and pumped; organic sales rising 16.3%; opco operating margin, 19.6%; EPS, $3.50 a big rise and most important, most important, more testimony that Snap-on has emerged from the turbulence much stronger than when we entered.',  # summedits-ectsum-ectsum_SNA_q1_2021
    "ect-122": 'We anticipate that capital expenditures will be in the range of $90 million to $100 million.',  # summedits-ectsum-ectsum_SNA_q1_2021
    "sales-4": 'Enjoy features like email campaigns, landing page builders, and lead nurturing sequences for $299 per month.',  # summedits-sales-email-sales_email_11
    "sales-12": 'Mobile Shelving Units - Starting at $1,200',  # summedits-sales-email-sales_email_13
    "sales-28": 'Subject: BoostStar: Your secret weapon for growth – Witness up to 30% rise in revenues in only 6 months!',  # summedits-sales-email-sales_email_16
    "sales-36": 'Comprehensive SEO Services ($800/month): Our team of experts would provide an in-depth website audit, updated keyword research, and a strategic on-page and off-page optimization plan to improve your organic search ranking and drive targeted traffic to your website.',  # summedits-sales-email-sales_email_18
    "sales-44": 'Prices start at just $500/month.',  # summedits-sales-email-sales_email_19
    "sales-60": 'As someone with experience in helping companies excel in their respective niches, I would be more than happy to offer a one-hour, free consultation to discuss your current competitive landscape and how the BlueWave Competitor Edge Suite could benefit Thompson Trading.',  # summedits-sales-email-sales_email_24
    "sales-68": 'Our pricing starts at just $499 per month for small businesses, with customized enterprise plans available upon request.',  # summedits-sales-email-sales_email_26
    "sales-76": 'Subject: Transform Your Business with SigmaWorks — Apply by August 30th and Save 20%!',  # summedits-sales-email-sales_email_28
    "sales-84": 'Automated Lighting Control: Save up to $2,000/month with motion-triggered, energy-efficient lighting that automatically adjusts based on natural light availability.',  # summedits-sales-email-sales_email_3
    "sales-116": 'At $30/user per month, it’s a valuable addition to any business.',  # summedits-sales-email-sales_email_9
    "sci-0": 'There are three components being learned simultaneously:  (1) the off-policy predictions as a compact representation of state, (2) the behavior policy distribution for estimating the off-policy predictions, and (3) the deterministic policy gradient for learning to act.',  # summedits-scitldr-B1gi-TVKwB
    "sci-1": 'All three components are combined, demonstrated and evaluated on the problem of steering the vehicle from images in the TORCS racing simulator environment.',  # summedits-scitldr-B1gi-TVKwB
    "sci-4": 'Results from two case studies highlight the ability of our',  # summedits-scitldr-B1gtK0NKwr
    "sci-6": 'We then employ our framework to evaluate two state-of-the art attacks which fool models with synonym substitution.',  # summedits-scitldr-BkxmKgHtwH
    "sci-8": 'We have evaluated our approach in two environments, Resource Collection and Crafting, to simulate multi-agent management problems with various task settings and multiple designs for the worker agents.',  # summedits-scitldr-BkzeUiRcY7
    "sci-11": 'To bridge the connection of two nodes, we formally define a structure relation by encapsulating node attributes, between-node paths and local topological structures together, which can make inference conveniently deduced from one node to another node.',  # summedits-scitldr-r1evOhEKvH
    "sci-12": 'Comprehensive evaluations on four benchmark datasets (including Cora, Citeseer, Pubmed and NELL) demonstrate the superiority of our GIL when compared with other state-of-the-art methods in the semi-supervised node classification task.',  # summedits-scitldr-r1evOhEKvH
    "sci-13": 'To bridge the learning of two modules, we use a neuro-symbolic reasoning module that executes these programs on the latent scene representation.',  # summedits-scitldr-rJgMlhRctm
    "sci-14": 'For example, our method increases the AUROC score of prior work (83.8%) to 99.8% in DenseNet on the CIFAR-100 and Tiny-ImageNet datasets.',  # summedits-scitldr-rklVOnNtwH
}

E, APPROX, AT_LEAST, MORE, AT_MOST, LESS = "exact", "approx", "at_least", "more_than", "at_most", "less_than"

ROWS = [
    # BUMP, CNN/DailyMail
    ("bump-6", "two years", 2, "years", E), ("bump-6", "a year", 1, "year", E), ("bump-6", "12st", 12, "st", E),
    ("bump-32", "46", 46, ANY, E), ("bump-32", "two", 2, ANY, E), ("bump-32", "45 miles", 45, "miles", E),
    ("bump-45", "two dogs", 2, ANY, E), ("bump-58", "two decades", 2, "decades", E),
    ("bump-71", "£2million", 2_000_000, "£", E),
    ("bump-84", "just one", 1, ANY, E), ("bump-84", "38", 38, ANY, E),
    ("bump-97", "30", 30, ANY, E), ("bump-110", "six points", 6, ANY, E), ("bump-123", "52%", 52, "%", E),
    ("bump-149", "30-year-old", 30, ANY, E), ("bump-162", "36-year-old", 36, ANY, E),
    ("bump-175", "a few thousand people", None, None, E),
    ("bump-188", "earlier than one minute", 1, "minute", LESS),
    ("bump-214", "431 kilometers per hour", 431, "km/h", E), ("bump-214", "268 miles per hour", 268, "mph", E),
    ("bump-227", "two counts", 2, ANY, E), ("bump-227", "$100,000", 100_000, "$", E),
    ("bump-240", "three players", 3, ANY, E),
    ("bump-266", "196", 196, ANY, E), ("bump-279", "26.1g", "26.1", "g", E), ("bump-292", "45g", 45, "g", E),
    ("bump-318", "116kcal", 116, "kcal", E), ("bump-331", "2.7g", "2.7", "g", E),
    ("bump-344", "0.3g", "0.3", "g", E), ("bump-357", "275", 275, ANY, E),
    ("bump-370", "under 2 cents", "0.02", "$", LESS), ("bump-370", "12 beers", 12, ANY, E),
    ("bump-370", "a dollar", 1, "$", E),
    ("bump-383", "two men", 2, ANY, E), ("bump-383", "about a year", 1, "year", APPROX),
    ("bump-396", "two mugshots", 2, ANY, E), ("bump-448", "one billion", 1_000_000_000, ANY, E),
    ("bump-461", "77-year-old", 77, ANY, E), ("bump-474", "about 60 million", 60_000_000, ANY, APPROX),
    ("bump-487", "about $900 a month", 900, "$", APPROX), ("bump-487", "about $30,000", 30_000, "$", APPROX),
    ("bump-500", "seven", 7, ANY, E), ("bump-513", "nine", 9, ANY, E),
    ("bump-526", "over 45", 45, ANY, MORE), ("bump-526", "threefold", 3, ANY, E),
    ("bump-539", "Two", 2, ANY, E), ("bump-578", "a few holes", None, None, E),
    ("bump-591", "at least four", 4, ANY, AT_LEAST),
    ("bump-604", "four-year-old", 4, ANY, E), ("bump-604", "one-year-old", 1, ANY, E),
    ("bump-617", "16-year-old", 16, ANY, E),
    ("bump-643", "nine weeks", 9, "weeks", E), ("bump-643", "131 witnesses", 131, ANY, E),
    ("bump-643", "three", 3, ANY, E),
    ("bump-656", "about $500,000", 500_000, "$", APPROX), ("bump-656", "seven dinners", 7, ANY, E),
    # SummEdits ectsum: earnings calls
    ("ect-2", "28%", 28, "%", E), ("ect-2", "20%", 20, "%", E),
    ("ect-10", "over 1 million", 1_000_000, ANY, MORE),
    ("ect-14", "$966", 966, "$", E), ("ect-14", "28%", 28, "%", E),
    ("ect-18", "$5.52", "5.52", "$", E), ("ect-18", "$1.46", "1.46", "$", E),
    ("ect-30", "more than $50 million", 50_000_000, "$", MORE),
    ("ect-34", "$150 million", 150_000_000, "$", E), ("ect-34", "$494.3 million", 494_300_000, "$", E),
    ("ect-42", "$6.86", "6.86", "$", E),
    ("ect-46", "79%", 79, "%", E), ("ect-46", "49%", 49, "%", E),
    ("ect-50", "two", 2, ANY, E), ("ect-50", "seven", 7, ANY, E), ("ect-50", "10 aircrafts", 10, ANY, E),
    ("ect-54", "$0.30 per share", "0.30", "$", E), ("ect-54", "$3.67 per share", "3.67", "$", E),
    ("ect-58", "$76.2 million", 76_200_000, "$", E), ("ect-58", "$0.73", "0.73", "$", E),
    ("ect-58", "$88.5 million", 88_500_000, "$", E), ("ect-58", "$0.86", "0.86", "$", E),
    ("ect-62", "$0.94", "0.94", "$", E), ("ect-62", "38%", 38, "%", E),
    ("ect-70", "$1.63", "1.63", "$", E), ("ect-70", "zero", 0, ANY, E),
    ("ect-74", "between $6.25 and $6.35", R("6.25", "6.35"), "$", E), ("ect-74", "$0.10", "0.10", "$", E),
    ("ect-78", "20.9%", "20.9", "%", E), ("ect-78", "$2.55", "2.55", "$", E),
    ("ect-82", "$2.3 billion", 2_300_000_000, "$", E), ("ect-82", "70%", 70, "%", E),
    ("ect-86", "between $2.40 and $2.46", R("2.40", "2.46"), "$", E),
    ("ect-86", "10.1% to 12.8%", R("10.1", "12.8"), "%", E),
    ("ect-90", "89%", 89, "%", E), ("ect-90", "$1.65 billion", 1_650_000_000, "$", E),
    ("ect-90", "73%", 73, "%", E), ("ect-90", "70%", 70, "%", E), ("ect-90", "6.1", "6.1", ANY, E),
    ("ect-94", "$3.1 billion", 3_100_000_000, "$", E), ("ect-94", "47%", 47, "%", E),
    ("ect-98", "$20 million", 20_000_000, "$", E), ("ect-98", "$40 million", 40_000_000, "$", E),
    ("ect-102", "$0.13 per share", "0.13", "$", E),
    ("ect-110", "$120.9 million", 120_900_000, "$", E), ("ect-110", "$1.87", "1.87", "$", E),
    ("ect-110", "$2.39", "2.39", "$", E), ("ect-110", "$1.36", "1.36", "$", E),
    ("ect-114", "4% to 6%", R(4, 6), "%", E),
    ("ect-118", "16.3%", "16.3", "%", E), ("ect-118", "19.6%", "19.6", "%", E), ("ect-118", "$3.50", "3.50", "$", E),
    ("ect-122", "$90 million to $100 million", R(90_000_000, 100_000_000), "$", E),
    # SummEdits sales_email
    ("sales-4", "$299 per month", 299, "$", E), ("sales-12", "Starting at $1,200", 1200, "$", AT_LEAST),
    ("sales-28", "up to 30%", 30, "%", AT_MOST), ("sales-28", "6 months", 6, "months", E),
    ("sales-36", "$800/month", 800, "$", E), ("sales-44", "start at just $500/month", 500, "$", AT_LEAST),
    ("sales-60", "one-hour", 1, "hour", E), ("sales-68", "starts at just $499 per month", 499, "$", AT_LEAST),
    ("sales-76", "20%", 20, "%", E), ("sales-84", "up to $2,000/month", 2000, "$", AT_MOST),
    ("sales-116", "$30/user per month", 30, "$", E),
    # SummEdits scitldr
    ("sci-0", "three components", 3, ANY, E), ("sci-1", "three components", 3, ANY, E),
    ("sci-4", "two", 2, ANY, E), ("sci-6", "two", 2, ANY, E), ("sci-8", "two environments", 2, ANY, E),
    ("sci-11", "two nodes", 2, ANY, E), ("sci-12", "four", 4, ANY, E),
    ("sci-13", "two modules", 2, ANY, E), ("sci-14", "83.8%", "83.8", "%", E), ("sci-14", "99.8%", "99.8", "%", E),
]

FIRST_RUN: dict[str, str] = {
    "bump-6: two years": "scanner: a number word's time unit is dropped in running text",
    "bump-6: a year": "scanner: 'a year' (one year) is not read in running text",
    "bump-58: two decades": "scanner: a number word's unit is dropped in running text",
    "bump-84: just one": "'one' alone is not read in running text, nor after 'just'",
    "bump-188: earlier than one minute": "'earlier than' is no bound, and 'one' before a unit is not read",
    "bump-318: 116kcal": "kcal glued to the digits is not a unit",
    "bump-370: a dollar": "scanner: 'a dollar' (one dollar) is not read in running text",
    "bump-383: about a year": "scanner: 'a year' (one year) is not read in running text",
    "bump-526: threefold": "'threefold' (3 times) is not read",
    "bump-604: one-year-old": "scanner: 'one' in an age is not read in running text",
    "bump-643: nine weeks": "scanner: a number word's time unit is dropped in running text",
    "ect-70: zero": "scanner: 'zero' is not read in running text",
    "sales-12: Starting at $1,200": "'starting at' is no lower bound; the parser takes no such words",
    "sales-28: 6 months": "scanner: 'months' after 'only 6' is dropped in running text",
    "sales-36: $800/month": "parser: a rate written with a slash ($800/month) is not read",
    "sales-44: start at just $500/month": "'start at' is no lower bound; a slash rate is not read",
    "sales-60: one-hour": "scanner: 'one' in a hyphenated duration is not read in running text",
    "sales-68: starts at just $499 per month": "'starts at' is no lower bound; the parser takes no such words",
    "sales-84: up to $2,000/month": "parser: a rate written with a slash is not read",
    "sales-116: $30/user per month": "parser: a rate written with a slash is not read",
}
"""The rows read wrong on the table's first run (scanner, parser or both), and why, before any change."""
NOT_DONE = {
    "bump-6: a year": "'a year' is not read in running text ('a week after' is no figure)",
    "bump-84: just one": "'one' alone is not read in running text ('one of the')",
    "bump-370: a dollar": "'a dollar' is not read in running text",
    "bump-383: about a year": "'a year' is not read in running text",
}
"""The rows still read wrong, and why."""

DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "data"
SOURCES = (DATA / "consistency" / "tune.jsonl", DATA / "extractive" / "tune.jsonl")



@pytest.mark.parametrize(
    ("sid", "figure", "want", "unit", "qualifier"),
    [pytest.param(*row, marks=[pytest.mark.xfail(reason=NOT_DONE[key(*row[:2])])] if key(*row[:2]) in NOT_DONE
                  else []) for row in ROWS],
    ids=[key(*row[:2]) for row in ROWS],
)
def test_each_quantity_is_found_and_read_as_a_careful_reader_reads_it(sid, figure, want, unit, qualifier):
    assert (scanned(SENTENCES[sid], figure, want, unit, qualifier), parsed(figure, want, unit, qualifier)) == (True, True)


def test_the_table_is_large_its_rows_distinct_and_its_sentences_are_the_articles():
    articles = [json.loads(line)["article"] for path in SOURCES for line in path.read_text("utf-8").splitlines()]
    text = "\n".join(dict.fromkeys(articles))
    assert (
        len(ROWS) >= 120,
        len({key(*row[:2]) for row in ROWS}) == len(ROWS),
        [sid for sid, s in SENTENCES.items() if s not in text],
        [key(sid, f) for sid, f, *_ in ROWS if SENTENCES[sid].count(f) != 1],
        set(FIRST_RUN) <= {key(*row[:2]) for row in ROWS}, set(NOT_DONE) <= set(FIRST_RUN),
        {sid for sid, *_ in ROWS} == set(SENTENCES),
    ) == (True, True, [], [], True, True, True)


if __name__ == "__main__":
    report(ROWS, SENTENCES)
