"""English quantities in a third kind of text neither earlier round of issue 20 saw: talk. What
``find_quantities`` finds in the sentence, and what ``parse_quantity_or_range`` reads in the figure's own
text.

The table was written by us (the summarizer team: the helper that then worked on the parser) by hand, not by a
model, from SummEdits' podcast, qmsum (meetings), sales_call and samsum (chats) domains: the documents of
``data/summedits/summedits_{podcast,qmsumm,sales_call,samsum}.json`` in salesforce/factualNLG at
``0da1dfa62c783218d26208c1796d3a2605bec745`` (Apache-2.0, copy in
``benchmarks/data/consistency/LICENSE.SummEdits``). None of these documents is in ``benchmarks/data``; the
earlier tables and the word checks' tune set use the news, scitldr, ectsum and sales_email domains. The
billsum domain was to be a fifth source, but its file is not in the snapshot we hold.

Sampled, not chosen: each domain's distinct documents in the order the file first gives them, split into
sentences (after ``.!?`` before a capital, and at line breaks); the distinct sentences that hold a digit or an
English number word (zero to ninety, hundred, thousand, million, billion, trillion, dozen, half, couple), per
domain; then every 2nd (podcast: 104 sentences; qmsum: 41), and every one (sales_call: 47; samsum: 24), from
the middle of the first step. A key is the domain and the sentence's place in that list (pod-13: the podcasts'
14th). Of those 216 sentences, the 125 with a quantity in them are here.

A row is one quantity a careful reader gives, as in ``test_english_heldout.py``: the figure's text as the
sentence writes it (qualifier words, the number, its unit, and a count's noun when it is the next word), its
value (``R(low, high)`` for a range or "three or four", ``None`` for a vague amount that is no number or for
24/7), its unit (``ANY``: not checked, the thing a count counts) and its qualifier. "like" before a number as
a hedge (like six, like 10 or something) and "14 something" are approximate; "a maximum of" and "within" are
at most; "a top five" is the size of a list, 5. Not rows: dates, years and decades, clock times, ordinals and
ranks (week two, number one, tip number one), names and codes (Sims 4, 3D, 2K, World War 1, episode 19, car
15, the band Ten Years), round and turn markers, scores (126 to 7, 1:1), a microphone check (one two), and
"one" as a pronoun or in an idiom (one of them, for one, one size fits, at any one time). A figure the
sentence writes twice alike ($50 $50) is one row, at its first place. Cents are read as hundredths of a dollar
on both sides; a euro amount in words (twelve Euros and fifty centimes) is one amount in euros.

A row is read right by the scanner when ``find_quantities(sentence)`` gives a quantity overlapping the
figure's text with the reader's value (or range), unit and qualifier (a vague amount: no quantity there), and
by the parser when ``parse_quantity_or_range(figure)`` gives them. ``FIRST_RUN`` records the rows either got
wrong on the table's first run, before any change to the parser (scanner 109/149, parser 115/149, both
101/149); ``NOT_DONE`` holds those still wrong, which xfail (strict). The rows of ``FIRST_RUN`` read right now
were fixed after they were seen: they no longer measure unseen text.

``PYTHONPATH=tests python tests/trust/numbers/test_english_talk.py`` prints the scores and the misses.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from support.quantity_tables import ANY, R, key, parsed, report, scanned

SENTENCES = {
    'pod-1': 'The price of food has gone up in the past two years here are two more examples.',  # spotify_podcast_2
    'pod-5': 'I thought this would be a great venue for me to merge my passion of the Sims and curiosity about podcasting into one fantastic place to help support and chili light more community members and simmers.',  # spotify_podcast_3
    'pod-13': 'It out right from your computer just search for SI m s fo R EV ER the number for GI Z Mo or send a tweet to simmers digest asking for the invite link and we will send it to you today join the almost 200 members today and surround yourself with fun amazing individuals who all enjoy the Sims as much as you do.',  # spotify_podcast_3
    'pod-15': "It's everything you need to make a podcast in one place download the free anchor app or go to Anchor dot.",  # spotify_podcast_4
    'pod-17': 'I put I put my pants on two legs at a time.',  # spotify_podcast_4
    'pod-19': "It's taken him being dead 24 years to finally get done.",  # spotify_podcast_4
    'pod-21': 'Yeah, but Bob I films job like four years ago curating for this this library and man we have had some wild shit up in here man.',  # spotify_podcast_4
    'pod-25': 'So, you know you flip through the channels just like six choices.',  # spotify_podcast_4
    'pod-29': "Well they went to overtime and you can you gave because you gave Tom Brady to and a hat over two and a half minutes The Comeback because the chiefs were winning in the fourth quarter that she's had to score 24 points in the fourth quarter.",  # spotify_podcast_7
    'pod-31': "That's all he needs to be able to drive it down the field no matter who is Personnel is I would say 35 seconds or more because he actually had 32 that wants to yeah instruments and laws, and that's true.",  # spotify_podcast_7
    'pod-39': "I learned that okay, well favorable unfavorable carbohydrates and as it was written in the in the in the cross of journalists, you're 21 at the time.",  # spotify_podcast_9
    'pod-41': "So if I have a sandwich that's four blocks carbohydrate.",  # spotify_podcast_9
    'pod-43': "Well, if you want to do 20% of what would be 100% effective you're going to get 20% of the results, which means you won't get as much results and you won't get there as faster, which is okay as long as you're aware of that but just be aware of that right?",  # spotify_podcast_9
    'pod-47': 'I must have been like 10 or something like that around the age 10 or 11.',  # spotify_podcast_10
    'pod-49': "We're definitely must have been like what 14 something.",  # spotify_podcast_10
    'pod-55': 'I think the month before two months before that and yeah, we connected really well.',  # spotify_podcast_10
    'pod-57': "Yeah, but I know that you can't play 15 anymore.",  # spotify_podcast_10
    'pod-59': 'So once you came up with your great idea for your show, you need to get it out there, but how our personal recommendation is to use anchor and that is for four basic reasons first, it will get your podcast.',  # spotify_podcast_11
    'pod-63': "So today we're talking about Leanne acid who I mean this is a big case like this is recent history like, you know past like 10 years, I think case that like struck not only like the whole column you like the whole country, but you know, regionally, it's like I'm sure people are like still very upset about it and it's like the big big big One is every time something happens regards to a Twitter Twitter like explodes.",  # spotify_podcast_11
    'pod-67': "She was 26 and she was attending the Universidad Del Norte anybody Kia for law actually, so she's almost at me.",  # spotify_podcast_11
    'pod-71': "Today's meditation will be a self guided 30 minute meditation Aid.",  # spotify_podcast_12
    'pod-73': 'Or to just relax and zone out for 30 minutes.',  # spotify_podcast_12
    'pod-75': "Tension scratch any itches and sure you're ready to go for the next 30 minutes.",  # spotify_podcast_12
    'pod-77': 'Ten minutes has passed. continue to meditate Relax, breathe.',  # spotify_podcast_12
    'pod-79': "Another 10 minutes has passed continue to meditate. to breathe to relax I'll check in with you again when another 10 minutes has passed and we'll draw the meditation to a close.",  # spotify_podcast_12
    'pod-97': "And today we're going to continue our fourth part of week two and four new words are words for today.",  # spotify_podcast_15
    'pod-99': 'Can weigh a maximum of only five pounds or we can say to ease the patient suffering the doctor prescribed the maximum dosage of painkillers when synonyms for maximum are the words largest highest or at most and antonyms are the words least lowest minimum or smallest.',  # spotify_podcast_15
    'pod-101': "I hope you liked our words for today and don't forget join me tomorrow for the last four words of week 2 and then we will have our interactive activities that will help us remember For these 20 words, we will have finished by the end of this week and we will retain them for a long time and add them to our active vocabulary Bank.",  # spotify_podcast_15
    'pod-107': 'This podcast is basically going to be about a couple of goons childhood friends.',  # spotify_podcast_20
    'pod-111': 'But like have you seen like the really big bags like humongous looking like a $8.00 bags.',  # spotify_podcast_20
    'pod-113': 'I would buy like six on the fucking spot the spot.',  # spotify_podcast_20
    'pod-121': 'Yeah, we had 10 attending high school.',  # spotify_podcast_20
    'pod-123': 'Yeah, so that two snacks favorite drink go right?',  # spotify_podcast_20
    'pod-125': "If you only touched you in minor ways never mind love especially if there had been no intrusion into private parts besides, The culprit might be graduating in the year or two and he's getting help and he says he wants to change and he says he has learned his lesson.",  # spotify_podcast_22
    'pod-127': "It didn't actually have any people to watch but it did have public three to four hundred pigeons just in this tiny little Park where there was no people Like Jesus that's a lot of pigeons here and in the course of that day and the next day and the day after the only people that really came and lingered were people that came in to feed the pigeons.",  # spotify_podcast_24
    'pod-129': "They've never been up to a thousand miles away.",  # spotify_podcast_24
    'pod-133': "You can actually see Jeremy's little taxidermied body in the Smithsonian and it wasn't just that one pigeon or that we thought of pigeons as useful.",  # spotify_podcast_24
    'pod-135': "So if you had to feed a whole family, maybe you'd go up and grab three or four to cook dinner pigeons were so useful.",  # spotify_podcast_24
    'pod-139': 'I just need one hit.',  # spotify_podcast_26
    'pod-141': 'We only three days into the new motherfucking.',  # spotify_podcast_26
    'pod-149': "I'm not sure worried about running out of topics here because I know that for as long as 12 to 19 year olds exist, so will their endless number of problems and there Always exciting things going on in my life that I can talk about.",  # spotify_podcast_28
    'pod-151': 'Okay, maybe it was 20 minutes.',  # spotify_podcast_31
    'pod-153': "Wow, and I'm going what job description is this and so I sat in the Manifest presence again for about 15 minutes just sitting up in bed.",  # spotify_podcast_31
    'pod-157': "Like he's gonna have at least twenty three hundred yards in the 1923.",  # spotify_podcast_32
    'pod-161': 'Okay here is my point is like the first couple weeks.',  # spotify_podcast_32
    'pod-167': "Now, let's make them a 65% inside guy not.",  # spotify_podcast_32
    'pod-175': 'Tom Brady would Josh Gordon for 16 games.',  # spotify_podcast_32
    'pod-177': 'I will be giving away $50 $50 cashola US dollars to to one of you who left a review.',  # spotify_podcast_33
    'pod-179': "It's way cooler that our team in our first year in business sold over 20 million dollars.",  # spotify_podcast_33
    'pod-183': "If you're not as successful as you want just like if you make a million dollars, the last thing you want your upline to do is go oooooh develop that person know you have to develop an entrepreneurial mindset.",  # spotify_podcast_33
    'pod-187': 'So anyway here we are eight episodes in we have a great show here today.',  # spotify_podcast_38
    'pod-189': "It would be hard really to pick a top five because I've had more than five amazing tours.",  # spotify_podcast_38
    'pod-191': "I mean the the Revolution being your home base, you know in a way I do have a top five but I may do like some bonus venues sure because it's a little hard to pick but my my number one venue will always be revolution in Fort Lauderdale.",  # spotify_podcast_38
    'pod-195': 'Where a Jasmine just stuck to a certain genre where certain venues in Florida that just sticks to one genre, you know, and well that that area is is like all bunch of clubs.',  # spotify_podcast_38
    'pod-199': 'Oh, yeah Place gets so hot when you guys are playing we played a show there a couple of years back and the air conditioner gone out that day and it was in the summer.',  # spotify_podcast_38
    'pod-201': 'We did a couple shows before meeting up with ten years and we played there.',  # spotify_podcast_38
    'pod-203': 'So and we have actually two shows recorder from there, which is the green pill that you actually can get on Nonpoint store.com.',  # spotify_podcast_38
    'pod-205': 'I know those are my top two.',  # spotify_podcast_38
    'pod-207': 'I mean it was like just a half hour train ride from Chicago.',  # spotify_podcast_38
    'qm-1': 'User Interface: I think  I think a three .',  # q_test_15
    'qm-3': 'Three ?',  # q_test_15
    'qm-5': 'At at least uh forty buttons .',  # q_test_16
    'qm-7': "For for the  for this t uh type of market , I think it's a one .",  # q_test_16
    'qm-9': "Industrial Designer: Yeah , I'll give it a one .",  # q_test_16
    'qm-11': 'User Interface: Twenty two .',  # q_test_17
    'qm-15': 'Twelve Euro forty cents I came up with by leaving out the solar cells , um by not using the voice recognition feature ,',  # q_test_17
    'qm-17': 'Project Manager: Um  Yeah , I believe  Uh , push-button , well   It makes it the thirteen  yeah .',  # q_test_17
    'qm-21': 'But  whether or not our clients are are um willing to pay twenty five Euros for this kind of device is doub is  well , is not sure .',  # q_test_17
    'qm-23': 'Project Manager: Twenty five Euros .',  # q_test_17
    'qm-25': 'And costs were twelve fifty .',  # q_test_17
    'qm-27': 'Industrial Designer: M about fifty Euros .',  # q_test_17
    'qm-29': 'User Interface: Yeah , I kn I know uh from a few years ago , it it it costed hundred Gilders .',  # q_test_17
    'qm-33': 'Marketing: should be about one point s seven ,',  # q_test_17
    'qm-35': "Industrial Designer: it's like a three set setting cycle , so press it a couple times , hold down function and then press F_ eight .",  # q_test_21
    'qm-37': 'In order to see what the functional requirements were to be found , um a hundred people were tested in a usability laboratory through just their habits to n know their habits were observed and questionnaires were given out .',  # q_test_21
    'qm-39': "They're used about a hundred and sixty times per hour .",  # q_test_21
    'qm-41': "And if we look at the market , f people from well from fifteen to thirty five year old year olds , I don't really know how to describe this , um ninety one to seventy six percent of people in that age range are willing to pay more for this sort of product , while people that are above thirty five years ol um years old go from thirty five percent to eight percent , so people that are sixty five for example wouldn't actually pay for this sort of thing .",  # q_test_21
    'qm-47': "Grad G: So , um , let 's say I have like , a thousand little  little jobs to do ?",  # q_test_28
    'qm-49': 'Uh , so , um , you know , you should  you should probably not run more than , say ten jobs yourself at any one time , uh , just because then it would keep other people',  # q_test_28
    'qm-51': 'PhD F: so you should try to limit it to somet sometim some number around ten jobs at a time .',  # q_test_28
    'qm-55': 'Professor C: So all twenty - five people were sending things to all twenty - five machines',  # q_test_28
    'qm-57': "PhD A: The other thing is like when you 're putting in a speech enhancement technique , uh , is it like one stage speech enhancement ?",  # q_test_29
    'qm-61': "PhD A: So , the  the different  the c the  the advantage of combining two things is mainly coming from the signal subspace approach doesn't work very well if the SNR is very bad .",  # q_test_29
    'qm-63': "PhD A: So that  that 's one reason maybe we could combine s some  something to improve SNR a little bit , first stage ,",  # q_test_29
    'qm-65': 'So there is one guy in Grenada ,',  # q_test_30
    'qm-71': 'Grad E: So this should sort of push it in one direction',  # q_test_40
    'qm-73': "So yeah , that 's what I said just having one situational node may not be enough because this  that node by itself wouldn't distinguish",  # q_test_40
    'qm-75': 'Project Manager: as we want to sell it in the entire world , and the product costs will be not more than twelve Euros and fifty centimes .',  # q_test_62
    'qm-77': 'Marketing: And you have to keep it under twelve Euros and f fifty , so .',  # q_test_62
    'qm-79': 'Project Manager: So the selling price of the product will be twenty five Euros .',  # q_test_64
    'qm-81': 'Twenty five .',  # q_test_64
    'call-1': 'Are you a smoker or have you used tobacco products in the past 5 years?',  # sales_call_1
    'call-2': 'Client: I am 35, and I work as a software engineer.',  # sales_call_2
    'call-3': 'Client: I am willing to invest around $300 per month.',  # sales_call_2
    'call-4': 'Sales Agent: Alright, I need to let you know that our policies start at $500 per month.',  # sales_call_2
    'call-6': "Once we receive your application, we'll process it within 24 hours, and your coverage will begin right after that.",  # sales_call_3
    'call-8': 'We offer a 15% discount for new customers who purchase any of our insurance plans.',  # sales_call_3
    'call-9': 'We have three different plans that cover the structure of your home, your personal belongings, and liability protection.',  # sales_call_4
    'call-10': 'Sales Agent: It really depends on your individual circumstances, but we offer policies with coverage ranging from $50,000 to several million dollars.',  # sales_call_6
    'call-11': 'Our most popular option is usually around $250,000.',  # sales_call_6
    'call-12': 'We offer terms ranging from 10 to 30 years, so you can choose what works best for your individual situation.',  # sales_call_6
    'call-13': 'Sales Agent: Our entry-level plan starts at $50 per month and includes basic medical coverage and accident protection.',  # sales_call_7
    'call-14': "Client: Okay, well, I'm 35 and looking for comprehensive car insurance.",  # sales_call_8
    'call-15': 'For a 35-year-old with a good driving record, it would cost you around $150 per month.',  # sales_call_8
    'call-16': 'Sales Agent: In that case, we can set you up with a plan that will cost you roughly $120 per month.',  # sales_call_8
    'call-17': 'Sales Agent: Yes actually, we do have a promotion going on where you can get 10% off your first six months of insurance.',  # sales_call_8
    'call-18': "Client: I'm 32.",  # sales_call_11
    'call-19': 'Sales Agent: Sure, we offer a discount for drivers who maintain a safe driving record for more than 3 years.',  # sales_call_12
    'call-20': 'We also have discounts for multiple cars, senior citizens over 65, and members of the military.',  # sales_call_12
    'call-22': "Client: My budget is around $200 per month and I'd like to have coverage for any pre-existing conditions.",  # sales_call_13
    'call-23': 'We have a plan that costs $185 per month and provides coverage for pre-existing conditions after a year.',  # sales_call_13
    'call-24': 'The deductible amount is $1,500 and the co-payment amount is 20%.',  # sales_call_13
    'call-25': 'Sales agent: Yes, we offer a discount of 5% if you choose to pay annually.',  # sales_call_13
    'call-26': 'It offers comprehensive coverage for your home and property, with a $1,000 deductible.',  # sales_call_14
    'call-27': 'The cost would be $150 per month, which is already with our multi-policy discount applied.',  # sales_call_14
    'call-28': "You'll also have the benefit of our 24/7 claims service, which means you can file a claim anytime and we'll be there to help you.",  # sales_call_14
    'call-29': "Also, if you are a first-time customer with us, you can receive a 10% discount on your first year's premium.",  # sales_call_15
    'call-30': 'Our basic plan starts at $100 a month, our standard plan starts at $150 a month, and our premium plan starts at $200 a month.',  # sales_call_17
    'call-42': "Client: It's a two-story house with three bedrooms and two bathrooms.",  # sales_call_20
    'sam-13': 'You are going to have 2 days of meetings, workshops, and parties.',  # samsum_train_13819326
    'sam-15': 'You work in one team with Maria . .',  # samsum_train_13819326
    'sam-19': "James: very, the atmosphere is horrible, if we're late we may loose 5 mln bucks .",  # samsum_train_13730964
    'sam-21': 'Joe: Me with a couple of friends are planning a small trip .',  # samsum_train_13729360
    'sam-22': "Luke: Didn't you hear that you have to wait about 6 hours on the border to check your pass? .",  # samsum_train_13729360
    'sam-23': "Joe: You don't have to worry, my friend Leo was in Ukraine a half a year ago and will help us .",  # samsum_train_13729360
}

E, APPROX, AT_LEAST, MORE, AT_MOST, LESS = "exact", "approx", "at_least", "more_than", "at_most", "less_than"

ROWS = [
    # SummEdits podcast: Spotify podcast transcripts
    ("pod-1", "two years", 2, "years", E), ("pod-1", "two more", 2, ANY, E),
    ("pod-5", "one fantastic place", 1, ANY, E), ("pod-13", "almost 200 members", 200, ANY, APPROX),
    ("pod-15", "one place", 1, ANY, E), ("pod-17", "two legs", 2, ANY, E), ("pod-19", "24 years", 24, "years", E),
    ("pod-21", "like four years", 4, "years", APPROX), ("pod-25", "like six choices", 6, ANY, APPROX),
    ("pod-29", "over two and a half minutes", "2.5", "minutes", MORE), ("pod-29", "24 points", 24, ANY, E),
    ("pod-31", "35 seconds or more", 35, "seconds", AT_LEAST), ("pod-31", "32", 32, ANY, E),
    ("pod-39", "21", 21, ANY, E), ("pod-41", "four blocks", 4, ANY, E), ("pod-43", "20%", 20, "%", E),
    ("pod-43", "100%", 100, "%", E), ("pod-47", "like 10", 10, ANY, APPROX),
    ("pod-47", "10 or 11", R(10, 11), ANY, APPROX), ("pod-49", "14 something", 14, ANY, APPROX),
    ("pod-55", "two months", 2, "months", E), ("pod-57", "15", 15, ANY, E),
    ("pod-59", "four basic reasons", 4, ANY, E), ("pod-63", "like 10 years", 10, "years", APPROX),
    ("pod-67", "26", 26, ANY, E), ("pod-71", "30 minute", 30, "minute", E),
    ("pod-73", "30 minutes", 30, "minutes", E), ("pod-75", "30 minutes", 30, "minutes", E),
    ("pod-77", "Ten minutes", 10, "minutes", E), ("pod-79", "10 minutes", 10, "minutes", E),
    ("pod-97", "four new words", 4, ANY, E), ("pod-99", "a maximum of only five pounds", 5, "lb", AT_MOST),
    ("pod-101", "four words", 4, ANY, E), ("pod-101", "20 words", 20, ANY, E),
    ("pod-107", "a couple of goons", None, None, E), ("pod-111", "$8.00", 8, "$", E),
    ("pod-113", "like six", 6, ANY, APPROX), ("pod-121", "10", 10, ANY, E), ("pod-123", "two snacks", 2, ANY, E),
    ("pod-125", "year or two", R(1, 2), "year", E), ("pod-127", "three to four hundred pigeons", R(300, 400), ANY, E),
    ("pod-129", "up to a thousand miles", 1000, "miles", AT_MOST), ("pod-133", "one pigeon", 1, ANY, E),
    ("pod-135", "three or four", R(3, 4), ANY, E), ("pod-139", "one hit", 1, ANY, E),
    ("pod-141", "three days", 3, "days", E), ("pod-149", "12 to 19", R(12, 19), ANY, E),
    ("pod-151", "20 minutes", 20, "minutes", E), ("pod-153", "about 15 minutes", 15, "minutes", APPROX),
    ("pod-157", "at least twenty three hundred yards", 2300, "yards", AT_LEAST),
    ("pod-161", "couple weeks", None, None, E), ("pod-167", "65%", 65, "%", E), ("pod-175", "16 games", 16, ANY, E),
    ("pod-177", "$50", 50, "$", E), ("pod-179", "over 20 million dollars", 20_000_000, "$", MORE),
    ("pod-183", "a million dollars", 1_000_000, "$", E), ("pod-187", "eight episodes", 8, ANY, E),
    ("pod-189", "top five", 5, ANY, E), ("pod-189", "more than five", 5, ANY, MORE),
    ("pod-191", "top five", 5, ANY, E), ("pod-195", "one genre", 1, ANY, E),
    ("pod-199", "a couple of years", None, None, E), ("pod-201", "a couple shows", None, None, E),
    ("pod-203", "two shows", 2, ANY, E), ("pod-205", "top two", 2, ANY, E),
    ("pod-207", "a half hour", "0.5", "hour", E),
    # SummEdits qmsum: meeting transcripts (AMI, ICSI)
    ("qm-1", "a three", 3, ANY, E), ("qm-3", "Three", 3, ANY, E),
    ("qm-5", "at least uh forty buttons", 40, ANY, AT_LEAST), ("qm-7", "a one", 1, ANY, E),
    ("qm-9", "a one", 1, ANY, E), ("qm-11", "Twenty two", 22, ANY, E),
    ("qm-15", "Twelve Euro forty cents", "12.40", "€", E), ("qm-17", "thirteen", 13, ANY, E),
    ("qm-21", "twenty five Euros", 25, "€", E), ("qm-23", "Twenty five Euros", 25, "€", E),
    ("qm-25", "twelve fifty", "12.50", ANY, E), ("qm-27", "about fifty Euros", 50, "€", APPROX),
    ("qm-29", "a few years", None, None, E), ("qm-29", "hundred Gilders", 100, ANY, E),
    ("qm-33", "about one point s seven", "1.7", ANY, APPROX), ("qm-35", "a three set", 3, ANY, E),
    ("qm-35", "a couple times", None, None, E), ("qm-37", "a hundred people", 100, ANY, E),
    ("qm-39", "about a hundred and sixty times", 160, ANY, APPROX),
    ("qm-41", "fifteen to thirty five", R(15, 35), ANY, E),
    ("qm-41", "ninety one to seventy six percent", R(76, 91), "%", E),
    ("qm-41", "above thirty five years", 35, "years", MORE), ("qm-41", "thirty five percent", 35, "%", E),
    ("qm-41", "eight percent", 8, "%", E), ("qm-41", "sixty five", 65, ANY, E),
    ("qm-47", "like , a thousand", 1000, ANY, APPROX), ("qm-49", "more than , say ten jobs", 10, ANY, MORE),
    ("qm-51", "around ten jobs", 10, ANY, APPROX), ("qm-55", "twenty - five people", 25, ANY, E),
    ("qm-55", "twenty - five machines", 25, ANY, E), ("qm-57", "one stage", 1, ANY, E),
    ("qm-61", "two things", 2, ANY, E), ("qm-63", "one reason", 1, ANY, E), ("qm-65", "one guy", 1, ANY, E),
    ("qm-71", "one direction", 1, ANY, E), ("qm-73", "one situational node", 1, ANY, E),
    ("qm-75", "not more than twelve Euros and fifty centimes", "12.50", "€", AT_MOST),
    ("qm-77", "under twelve Euros and f fifty", "12.50", "€", LESS), ("qm-79", "twenty five Euros", 25, "€", E),
    ("qm-81", "Twenty five", 25, ANY, E),
    # SummEdits sales_call: sales call transcripts
    ("call-1", "the past 5 years", 5, "years", E), ("call-2", "35", 35, ANY, E),
    ("call-3", "around $300 per month", 300, "$", APPROX), ("call-4", "start at $500 per month", 500, "$", AT_LEAST),
    ("call-6", "within 24 hours", 24, "hours", AT_MOST), ("call-8", "15%", 15, "%", E),
    ("call-9", "three", 3, ANY, E), ("call-10", "$50,000", 50_000, "$", E),
    ("call-10", "several million dollars", None, None, E), ("call-11", "around $250,000", 250_000, "$", APPROX),
    ("call-12", "10 to 30 years", R(10, 30), "years", E), ("call-13", "starts at $50 per month", 50, "$", AT_LEAST),
    ("call-14", "35", 35, ANY, E), ("call-15", "35-year-old", 35, ANY, E),
    ("call-15", "around $150 per month", 150, "$", APPROX), ("call-16", "roughly $120 per month", 120, "$", APPROX),
    ("call-17", "10%", 10, "%", E), ("call-17", "six months", 6, "months", E), ("call-18", "32", 32, ANY, E),
    ("call-19", "more than 3 years", 3, "years", MORE), ("call-20", "over 65", 65, ANY, MORE),
    ("call-22", "around $200 per month", 200, "$", APPROX), ("call-23", "$185 per month", 185, "$", E),
    ("call-23", "a year", 1, "year", E), ("call-24", "$1,500", 1500, "$", E), ("call-24", "20%", 20, "%", E),
    ("call-25", "5%", 5, "%", E), ("call-26", "$1,000", 1000, "$", E), ("call-27", "$150 per month", 150, "$", E),
    ("call-28", "24/7", None, None, E), ("call-29", "10%", 10, "%", E),
    ("call-30", "starts at $100 a month", 100, "$", AT_LEAST),
    ("call-30", "starts at $150 a month", 150, "$", AT_LEAST),
    ("call-30", "starts at $200 a month", 200, "$", AT_LEAST), ("call-42", "two-story", 2, ANY, E),
    ("call-42", "three bedrooms", 3, ANY, E), ("call-42", "two bathrooms", 2, ANY, E),
    # SummEdits samsum: chats
    ("sam-13", "2 days", 2, "days", E), ("sam-15", "one team", 1, ANY, E),
    ("sam-19", "5 mln bucks", 5_000_000, "$", E), ("sam-21", "a couple of friends", None, None, E),
    ("sam-22", "about 6 hours", 6, "hours", APPROX), ("sam-23", "a half a year", "0.5", "year", E),
]

FIRST_RUN: dict[str, str] = {
    "pod-5: one fantastic place": "'one' before a noun is not read in running text, nor by the parser with an adjective between",
    "pod-15: one place": "scanner: 'one' before a noun is not read in running text",
    "pod-21: like four years": "'like' as a hedge is no approximation; the parser takes no such word",
    "pod-25: like six choices": "'like' as a hedge is no approximation; the parser takes no such word",
    "pod-47: like 10": "parser: 'like' before the number is not read",
    "pod-47: 10 or 11": "'10 or 11' is no range",
    "pod-49: 14 something": "'14 something' is not approximate; the parser takes 'something' for a unit",
    "pod-59: four basic reasons": "parser: an adjective between the number and its noun is not read",
    "pod-63: like 10 years": "'like' as a hedge is no approximation; the parser takes no such word",
    "pod-97: four new words": "parser: an adjective between the number and its noun is not read",
    "pod-99: a maximum of only five pounds": "'a maximum of' is no upper bound; the parser takes no such words",
    "pod-113: like six": "'like' as a hedge is no approximation; the parser takes no such word",
    "pod-125: year or two": "'a year or two' is no range",
    "pod-127: three to four hundred pigeons": "a low end in words does not share the high end's scale (3 to 400)",
    "pod-133: one pigeon": "scanner: 'one' before a noun is not read in running text",
    "pod-135: three or four": "'three or four' is no range",
    "pod-139: one hit": "scanner: 'one' before a noun is not read in running text",
    "pod-189: top five": "parser: 'top' before the number is not read",
    "pod-191: top five": "parser: 'top' before the number is not read",
    "pod-195: one genre": "scanner: 'one' before a noun is not read in running text",
    "pod-205: top two": "parser: 'top' before the number is not read",
    "pod-207: a half hour": "scanner: 'a half hour' is not read in running text",
    "qm-1: a three": "parser: 'a' before a number word is not read",
    "qm-5: at least uh forty buttons": "a filler word (uh) between the bound and the number",
    "qm-7: a one": "'a one' (a rating) is not read",
    "qm-9: a one": "'a one' (a rating) is not read",
    "qm-15: Twelve Euro forty cents": "euros and cents in words are read as two numbers",
    "qm-25: twelve fifty": "'twelve fifty' (12.50) is not read",
    "qm-33: about one point s seven": "a stammer inside 'one point seven'",
    "qm-35: a three set": "parser: 'a' before a number word is not read",
    "qm-41: fifteen to thirty five": "scanner: 'from fifteen to thirty five' is a change, not a range",
    "qm-41: ninety one to seventy six percent": "a range written high to low is no range",
    "qm-47: like , a thousand": "'like' as a hedge is no approximation; the parser takes no such word",
    "qm-49: more than , say ten jobs": "words between the bound and the number (more than, say ten)",
    "qm-57: one stage": "scanner: 'one' before a noun is not read in running text",
    "qm-63: one reason": "scanner: 'one' before a noun is not read in running text",
    "qm-65: one guy": "scanner: 'one' before a noun is not read in running text",
    "qm-71: one direction": "scanner: 'one' before a noun is not read in running text",
    "qm-73: one situational node": "'one' before a noun is not read in running text, nor by the parser with an adjective between",
    "qm-75: not more than twelve Euros and fifty centimes": "euros and cents in words are two numbers; 'not more than' reads as 'more than'",
    "qm-77: under twelve Euros and f fifty": "euros and cents in words are read as two numbers",
    "call-6: within 24 hours": "'within' is no upper bound",
    "call-12: 10 to 30 years": "scanner: 'ranging from 10 to 30 years' is a change, not a range",
    "call-23: a year": "scanner: 'a year' (one year) is not read in running text",
    "call-28: 24/7": "scanner: 24/7 is read as two numbers",
    "sam-15: one team": "scanner: 'one' before a noun is not read in running text",
    "sam-19: 5 mln bucks": "'mln' is no scale and 'bucks' no dollars",
    "sam-23: a half a year": "'a half a year' is not read",
}
"""The rows read wrong on the table's first run (scanner, parser or both), and why, before any change."""
NOT_DONE = {
    "pod-5: one fantastic place": "'one' before a noun is not read in running text (a false alarm where an article writes 'a'), nor by the parser with an adjective between",
    "pod-15: one place": "'one' before a noun is not read in running text",
    "pod-49: 14 something": "'14 something' is not approximate; the parser takes 'something' for a unit",
    "pod-59: four basic reasons": "parser: an adjective between the number and its noun is not read",
    "pod-97: four new words": "parser: an adjective between the number and its noun is not read",
    "pod-125: year or two": "'a year or two' is no range: 'a year' is not read in running text",
    "pod-133: one pigeon": "'one' before a noun is not read in running text",
    "pod-139: one hit": "'one' before a noun is not read in running text",
    "pod-195: one genre": "'one' before a noun is not read in running text",
    "pod-207: a half hour": "'a half hour' is not read in running text, as 'half an hour' is not",
    "qm-5: at least uh forty buttons": "a filler word (uh) between the bound and the number",
    "qm-7: a one": "'a one' (a rating) is not read in running text",
    "qm-9: a one": "'a one' (a rating) is not read in running text",
    "qm-15: Twelve Euro forty cents": "euros and cents in words are read as two numbers",
    "qm-25: twelve fifty": "'twelve fifty' (12.50) is not read",
    "qm-33: about one point s seven": "a stammer inside 'one point seven'",
    "qm-41: fifteen to thirty five": "'from fifteen to thirty five' is a change, not a range, without 'ranging'",
    "qm-41: ninety one to seventy six percent": "a range written high to low is no range (a 3-2 score is none)",
    "qm-47: like , a thousand": "a comma between the hedge and the number",
    "qm-49: more than , say ten jobs": "words between the bound and the number (more than, say ten)",
    "qm-57: one stage": "'one' before a noun is not read in running text",
    "qm-63: one reason": "'one' before a noun is not read in running text",
    "qm-65: one guy": "'one' before a noun is not read in running text",
    "qm-71: one direction": "'one' before a noun is not read in running text",
    "qm-73: one situational node": "'one' before a noun is not read in running text, nor by the parser with an adjective between",
    "qm-75: not more than twelve Euros and fifty centimes": "euros and cents in words are read as two numbers",
    "qm-77: under twelve Euros and f fifty": "euros and cents in words are read as two numbers",
    "call-23: a year": "'a year' is not read in running text ('a week after' is no figure)",
    "sam-15: one team": "'one' before a noun is not read in running text",
    "sam-23: a half a year": "'a half a year' is not read",
}
"""The rows still read wrong, and why."""

MIRROR = Path("/work/.mirror/salesforce+factualNLG/repo")
"""A bare git copy of salesforce/factualNLG, where one is at hand (not on a clean clone: the provenance test
skips)."""
COMMIT = "0da1dfa62c783218d26208c1796d3a2605bec745"
DOMAINS = {"pod": "podcast", "qm": "qmsumm", "call": "sales_call", "sam": "samsum"}



@pytest.mark.parametrize(
    ("sid", "figure", "want", "unit", "qualifier"),
    [pytest.param(*row, marks=[pytest.mark.xfail(reason=NOT_DONE[key(*row[:2])])] if key(*row[:2]) in NOT_DONE
                  else []) for row in ROWS],
    ids=[key(*row[:2]) for row in ROWS],
)
def test_each_quantity_is_found_and_read_as_a_careful_reader_reads_it(sid, figure, want, unit, qualifier):
    assert (scanned(SENTENCES[sid], figure, want, unit, qualifier), parsed(figure, want, unit, qualifier)) == (True, True)


def test_the_table_is_large_and_its_rows_distinct():
    assert (
        len(ROWS) >= 120,
        len({key(*row[:2]) for row in ROWS}) == len(ROWS),
        [key(sid, f) for sid, f, *_ in ROWS if f not in SENTENCES[sid]],
        set(FIRST_RUN) <= {key(*row[:2]) for row in ROWS}, set(NOT_DONE) <= set(FIRST_RUN),
        {sid for sid, *_ in ROWS} == set(SENTENCES), {sid.split("-")[0] for sid in SENTENCES} == set(DOMAINS),
    ) == (True, True, [], True, True, True, True)


@pytest.mark.skipif(not MIRROR.is_dir(), reason="no copy of salesforce/factualNLG here")
def test_each_sentence_is_verbatim_in_its_domains_documents():
    missing = []
    for prefix, domain in DOMAINS.items():
        path = f"{COMMIT}:data/summedits/summedits_{domain}.json"
        blob = subprocess.run(["git", f"--git-dir={MIRROR}", "show", path], capture_output=True, check=True).stdout
        text = "\n".join(dict.fromkeys(record["doc"] for record in json.loads(blob)))
        missing += [sid for sid, s in SENTENCES.items() if sid.startswith(f"{prefix}-") and s not in text]
    assert missing == []


if __name__ == "__main__":
    report(ROWS, SENTENCES)
