# Word lists and chrome strings. Lines are wrapped by hand; a few run past the limit.
# ruff: noqa: E501
"""The fictional outlets of the generated scenarios, and the words of their site chrome.

Every name, slogan and headline here was invented for this project. Sidebar
headlines ("Most read", "Related", "Trending") are put together from the word
lists at the bottom, seeded by the outlet's host name, so each outlet gets its
own and they never change between runs.
"""

from __future__ import annotations

import hashlib
import random
from typing import Any

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home", "sections": "Main sections", "subscribe": "Subscribe", "signin": "Sign in",
        "cookies": "We use cookies to keep you signed in and to measure how our pages are read. "
        "You can change your choices at any time.",
        "accept": "Accept", "settings": "Cookie settings", "email": "Email", "share": "Share",
        "print": "Print", "photo": "Photograph", "topics": "Topics", "comments": "Comments",
        "comments_text": "Comments are open to registered readers and are reviewed before they "
        "appear. Please be kind and stay on topic.",
        "related": "Related stories", "most_read": "Most read", "newsletter": "Newsletter",
        "newsletter_text": "The day's main stories, sent free every morning.",
        "email_placeholder": "Your email address", "signup": "Sign up", "about": "About us",
        "contact": "Contact", "corrections": "Corrections", "privacy": "Privacy",
        "terms": "Terms of use", "support": "Support us", "by": "By", "posted": "Posted on",
        "donate": "Donate now", "search": "Search this site", "search_button": "Search",
        "previous": "Previous article", "next": "Next article", "advert": "Advertisement",
        "trending": "Trending", "tags": "Tags", "latest": "Latest posts", "weather": "Weather",
        "traffic": "Traffic", "more_from": "More from", "advertise": "Advertise",
        "cookie_policy": "Cookie policy", "from_press": "From the regional press",
        "also_today": "Also in today's roundup", "recent": "Recent posts", "about_blog": "About",
        "blog_comments": "Comments are closed for this post.",
        "not_found_title": "Page not found",
        "not_found_text": "Sorry, the page you were looking for has been moved or no longer exists. "
        "Try searching the archive instead.",
    },
    "fr": {
        "home": "Accueil", "sections": "Rubriques", "subscribe": "S'abonner", "signin": "Se connecter",
        "cookies": "Nous utilisons des cookies pour mesurer l'audience et mémoriser vos préférences. "
        "Vous pouvez modifier vos choix à tout moment.",
        "accept": "Accepter", "settings": "Paramétrer", "email": "E-mail", "share": "Partager",
        "print": "Imprimer", "photo": "Photo", "topics": "Thèmes", "comments": "Commentaires",
        "comments_text": "Les commentaires sont réservés aux abonnés et modérés avant publication.",
        "related": "À lire aussi", "most_read": "Les plus lus", "newsletter": "Lettre d'information",
        "newsletter_text": "L'essentiel de l'actualité régionale, chaque matin dans votre boîte.",
        "email_placeholder": "Votre adresse e-mail", "signup": "Je m'inscris", "about": "Qui sommes-nous",
        "contact": "Contact", "corrections": "Rectificatifs", "privacy": "Données personnelles",
        "terms": "Mentions légales", "support": "Nous soutenir", "by": "Par", "posted": "Publié le",
        "donate": "Faire un don", "search": "Rechercher", "search_button": "OK",
        "previous": "Article précédent", "next": "Article suivant", "advert": "Publicité",
        "trending": "Tendances", "tags": "Mots-clés", "latest": "Dernières actus", "weather": "Météo",
        "traffic": "Trafic", "more_from": "Plus d'articles de", "advertise": "Annoncer",
        "cookie_policy": "Cookies", "from_press": "Revue de presse", "also_today": "Aussi aujourd'hui",
        "recent": "Articles récents", "about_blog": "À propos",
        "blog_comments": "Les commentaires sont fermés.",
        "not_found_title": "Page introuvable", "not_found_text": "Cette page n'existe plus.",
    },
    "de": {
        "home": "Startseite", "sections": "Ressorts", "subscribe": "Abo", "signin": "Anmelden",
        "cookies": "Wir verwenden Cookies, um die Nutzung unserer Seiten zu messen und Ihre "
        "Einstellungen zu speichern. Sie können Ihre Auswahl jederzeit ändern.",
        "accept": "Zustimmen", "settings": "Einstellungen", "email": "E-Mail", "share": "Teilen",
        "print": "Drucken", "photo": "Foto", "topics": "Themen", "comments": "Kommentare",
        "comments_text": "Kommentare sind für registrierte Leser geöffnet und werden vor der "
        "Freischaltung geprüft.",
        "related": "Mehr zum Thema", "most_read": "Meistgelesen", "newsletter": "Newsletter",
        "newsletter_text": "Die wichtigsten Nachrichten aus der Region, jeden Morgen kostenlos.",
        "email_placeholder": "Ihre E-Mail-Adresse", "signup": "Anmelden", "about": "Über uns",
        "contact": "Kontakt", "corrections": "Korrekturen", "privacy": "Datenschutz",
        "terms": "Impressum", "support": "Unterstützen", "by": "Von", "posted": "Veröffentlicht am",
        "donate": "Jetzt spenden", "search": "Suche", "search_button": "Suchen",
        "previous": "Vorheriger Artikel", "next": "Nächster Artikel", "advert": "Anzeige",
        "trending": "Im Trend", "tags": "Schlagworte", "latest": "Neueste Meldungen",
        "weather": "Wetter", "traffic": "Verkehr", "more_from": "Mehr von", "advertise": "Werben",
        "cookie_policy": "Cookie-Richtlinie", "from_press": "Presseschau",
        "also_today": "Außerdem heute", "recent": "Neue Beiträge", "about_blog": "Über",
        "blog_comments": "Die Kommentarfunktion ist geschlossen.",
        "not_found_title": "Seite nicht gefunden", "not_found_text": "Diese Seite gibt es nicht mehr.",
    },
    "es": {
        "home": "Portada", "sections": "Secciones", "subscribe": "Suscríbete", "signin": "Entrar",
        "cookies": "Usamos cookies propias y de terceros para analizar el uso del sitio y recordar "
        "tus preferencias. Puedes cambiarlas cuando quieras.",
        "accept": "Aceptar", "settings": "Configurar", "email": "Correo", "share": "Compartir",
        "print": "Imprimir", "photo": "Foto", "topics": "Temas", "comments": "Comentarios",
        "comments_text": "Los comentarios se moderan antes de publicarse. Sé respetuoso.",
        "related": "Noticias relacionadas", "most_read": "Lo más leído", "newsletter": "Boletín",
        "newsletter_text": "Las noticias de la comarca, cada mañana en tu correo.",
        "email_placeholder": "Tu correo electrónico", "signup": "Apuntarme", "about": "Quiénes somos",
        "contact": "Contacto", "corrections": "Fe de errores", "privacy": "Privacidad",
        "terms": "Aviso legal", "support": "Apóyanos", "by": "Por", "posted": "Publicado el",
        "donate": "Dona ahora", "search": "Buscar", "search_button": "Buscar",
        "previous": "Artículo anterior", "next": "Artículo siguiente", "advert": "Publicidad",
        "trending": "Tendencias", "tags": "Etiquetas", "latest": "Últimas noticias",
        "weather": "El tiempo", "traffic": "Tráfico", "more_from": "Más de",
        "advertise": "Publicidad", "cookie_policy": "Política de cookies",
        "from_press": "Resumen de prensa", "also_today": "También hoy", "recent": "Entradas recientes",
        "about_blog": "Acerca de", "blog_comments": "Comentarios cerrados.",
        "not_found_title": "Página no encontrada", "not_found_text": "Esta página ya no existe.",
    },
    "it": {
        "home": "Home", "sections": "Sezioni", "subscribe": "Abbonati", "signin": "Accedi",
        "cookies": "Utilizziamo i cookie per misurare l'uso del sito e ricordare le tue preferenze. "
        "Puoi modificare le tue scelte in qualsiasi momento.",
        "accept": "Accetta", "settings": "Personalizza", "email": "Email", "share": "Condividi",
        "print": "Stampa", "photo": "Foto", "topics": "Argomenti", "comments": "Commenti",
        "comments_text": "I commenti sono moderati prima della pubblicazione.",
        "related": "Articoli correlati", "most_read": "I più letti", "newsletter": "Newsletter",
        "newsletter_text": "Le notizie del territorio, ogni mattina nella tua casella.",
        "email_placeholder": "Il tuo indirizzo email", "signup": "Iscriviti", "about": "Chi siamo",
        "contact": "Contatti", "corrections": "Rettifiche", "privacy": "Privacy",
        "terms": "Note legali", "support": "Sostienici", "by": "Di", "posted": "Pubblicato il",
        "donate": "Dona ora", "search": "Cerca", "search_button": "Cerca",
        "previous": "Articolo precedente", "next": "Articolo successivo", "advert": "Pubblicità",
        "trending": "Di tendenza", "tags": "Tag", "latest": "Ultime notizie", "weather": "Meteo",
        "traffic": "Traffico", "more_from": "Altro da", "advertise": "Pubblicità",
        "cookie_policy": "Cookie policy", "from_press": "Rassegna stampa",
        "also_today": "Anche oggi", "recent": "Articoli recenti", "about_blog": "Informazioni",
        "blog_comments": "Commenti chiusi.",
        "not_found_title": "Pagina non trovata", "not_found_text": "Questa pagina non esiste più.",
    },
    "pt": {
        "home": "Início", "sections": "Editorias", "subscribe": "Assine", "signin": "Entrar",
        "cookies": "Usamos cookies para medir a audiência e guardar as suas preferências. Pode "
        "alterar as suas escolhas a qualquer momento.",
        "accept": "Aceitar", "settings": "Configurar", "email": "E-mail", "share": "Partilhar",
        "print": "Imprimir", "photo": "Foto", "topics": "Temas", "comments": "Comentários",
        "comments_text": "Os comentários são moderados antes da publicação.",
        "related": "Leia também", "most_read": "Mais lidas", "newsletter": "Newsletter",
        "newsletter_text": "As notícias da região, todas as manhãs no seu e-mail.",
        "email_placeholder": "O seu e-mail", "signup": "Subscrever", "about": "Quem somos",
        "contact": "Contacto", "corrections": "Erratas", "privacy": "Privacidade",
        "terms": "Termos de uso", "support": "Apoie-nos", "by": "Por", "posted": "Publicado em",
        "donate": "Doe agora", "search": "Pesquisar", "search_button": "Pesquisar",
        "previous": "Artigo anterior", "next": "Próximo artigo", "advert": "Publicidade",
        "trending": "Em alta", "tags": "Etiquetas", "latest": "Últimas", "weather": "Tempo",
        "traffic": "Trânsito", "more_from": "Mais de", "advertise": "Anuncie",
        "cookie_policy": "Política de cookies", "from_press": "Resumo da imprensa",
        "also_today": "Também hoje", "recent": "Artigos recentes", "about_blog": "Sobre",
        "blog_comments": "Comentários encerrados.",
        "not_found_title": "Página não encontrada", "not_found_text": "Esta página já não existe.",
    },
    "ru": {
        "home": "Главная", "sections": "Рубрики", "subscribe": "Подписка", "signin": "Войти",
        "cookies": "Мы используем файлы cookie, чтобы анализировать посещаемость и запоминать ваши "
        "настройки. Вы можете изменить выбор в любой момент.",
        "accept": "Принять", "settings": "Настроить", "email": "Почта", "share": "Поделиться",
        "print": "Печать", "photo": "Фото", "topics": "Темы", "comments": "Комментарии",
        "comments_text": "Комментарии проходят модерацию перед публикацией.",
        "related": "Читайте также", "most_read": "Самое читаемое", "newsletter": "Рассылка",
        "newsletter_text": "Главные новости региона каждое утро на вашу почту.",
        "email_placeholder": "Ваш e-mail", "signup": "Подписаться", "about": "О редакции",
        "contact": "Контакты", "corrections": "Поправки", "privacy": "Конфиденциальность",
        "terms": "Правила", "support": "Поддержать", "by": "Автор:", "posted": "Опубликовано",
        "donate": "Поддержать", "search": "Поиск", "search_button": "Найти",
        "previous": "Предыдущая статья", "next": "Следующая статья", "advert": "Реклама",
        "trending": "Популярное", "tags": "Теги", "latest": "Последние новости",
        "weather": "Погода", "traffic": "Пробки", "more_from": "Ещё от", "advertise": "Реклама",
        "cookie_policy": "Файлы cookie", "from_press": "Обзор прессы",
        "also_today": "Также сегодня", "recent": "Новые записи", "about_blog": "О блоге",
        "blog_comments": "Комментарии закрыты.",
        "not_found_title": "Страница не найдена", "not_found_text": "Такой страницы больше нет.",
    },
}

LOCALES = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "es": "es_ES", "it": "it_IT",
           "pt": "pt_PT", "ru": "ru_RU"}

DEFAULT_SECTIONS = {
    "en": ["News", "Business", "Politics", "Environment", "Culture", "Sport"],
    "fr": ["Actualité", "Économie", "Société", "Culture", "Sports"],
    "de": ["Region", "Politik", "Wirtschaft", "Kultur", "Sport"],
    "es": ["Comarca", "Sociedad", "Economía", "Cultura", "Deportes"],
    "it": ["Cronaca", "Politica", "Economia", "Cultura", "Sport"],
    "pt": ["Região", "Sociedade", "Economia", "Cultura", "Desporto"],
    "ru": ["Новости", "Общество", "Экономика", "Культура", "Спорт"],
}

OUTLETS: dict[str, dict[str, Any]] = {}


def outlet(key: str, host: str, name: str, theme: str, tagline: str, footer: str,
           lang: str = "en", **extra: Any) -> None:
    prefix = "".join(w[0] for w in host.split(".")[0].split("-"))[:3] + str(len(OUTLETS))
    OUTLETS[key] = {
        "key": key, "host": host, "name": name, "theme": theme, "tagline": tagline,
        "footer": footer, "lang": lang, "locale": LOCALES[lang], "prefix": prefix,
        "sections": extra.pop("sections", DEFAULT_SECTIONS[lang]), **extra,
    }


# ---- English-language outlets where stories first appear -------------------------------------

outlet("eastmere", "eastmere-courier.example", "Eastmere Courier", "newspaper",
       "The paper of the lakes and the plain", "© 2026 Eastmere Courier Ltd, 12 Mill Lane, Eastmere.",
       twitter="@EastmereCourier", plea_title="Keep the Courier on the doorstep",
       plea="Local reporting costs money. A Courier membership pays for the reporter at the "
       "council meeting and the photographer at the flood. Join from the price of a pot of tea.")
outlet("tidewater", "tidewater-journal.example", "Tidewater Journal", "newspaper",
       "News from the estuary towns", "Tidewater Journal is published by Tidewater Media Co-operative. "
       "All content © 2026.", twitter="@TidewaterJnl", sections=["News", "Heritage", "Courts",
       "Business", "Arts", "Sport"])
outlet("highmoor", "highmoor-chronicle.example", "Highmoor Chronicle", "portal",
       "Moorland news since 1884", "© Highmoor Chronicle 2026. Printed and published at Scaur Road, Highmoor.")
outlet("lowfield", "lowfield-post.example", "Lowfield Post", "newspaper",
       "Lowfield's independent daily", "© 2026 Lowfield Post. Registered in Lowfield, company no. 0048812.",
       twitter="@LowfieldPost", plea_title="Support the Post",
       plea="Nobody else reads the council papers so you do not have to. Help us keep doing it.")
outlet("riverbend", "riverbend-gazette.example", "Riverbend Gazette", "portal",
       "Upriver and down", "© 2026 Riverbend Gazette. Part of the Valley Newspapers group.")
outlet("saltmarsh", "saltmarsh-observer.example", "Saltmarsh Observer", "newspaper",
       "Creeks, courts and coastal life", "© 2026 The Saltmarsh Observer. Wrenhaven Road, Saltmarsh.",
       sections=["News", "Courts", "Coast", "Farming", "Letters"])
outlet("granite", "granite-city-times.example", "Granite City Times", "newspaper",
       "The city's newspaper of record", "© 2026 Granite City Times Publishing. All rights reserved.",
       twitter="@GraniteTimes", plea_title="Journalism you can stand on",
       plea="Granite City Times is funded by readers. Subscribe today and get the weekend magazine free.")
outlet("orchard", "orchard-valley-record.example", "Orchard Valley Record", "portal",
       "Town, valley and hills", "© 2026 Orchard Valley Record. Cathedral Close, Orchard Valley.")
outlet("pinecrest", "pinecrest-ledger.example", "Pinecrest Ledger", "newspaper",
       "Serving the hill country", "© 2026 Pinecrest Ledger. News tips: newsdesk at the Ledger.",
       sections=["News", "Farming", "Wine", "Emergency", "Community"])
outlet("ashford", "ashford-bulletin.example", "Ashford Bulletin", "newspaper",
       "Northern news, every morning", "© 2026 Ashford Bulletin AS. Harbour Street 9, Ashford.",
       sections=["News", "Travel", "Business", "Islands", "Sport"])
outlet("brightwater", "brightwater-tribune.example", "Brightwater Tribune", "newspaper",
       "For both banks of the estuary", "© 2026 Brightwater Tribune. Published by Estuary Press.",
       twitter="@BrightTrib", plea_title="The Tribune needs you",
       plea="Become a supporter and help keep estuary news free for everyone who needs it.")
outlet("marrowbay", "marrow-bay-mercury.example", "Marrow Bay Mercury", "portal",
       "The bay's own paper", "© 2026 Marrow Bay Mercury. Net Loft Yard, Marrow Bay.")
outlet("copperline", "copperline-news.example", "Copperline News", "newspaper",
       "Valley news from Brill to Tregallon", "© 2026 Copperline News Ltd.",
       sections=["News", "Heritage", "Tourism", "Business", "Sport"])
outlet("dunholt", "dunholt-evening-news.example", "Dunholt Evening News", "newspaper",
       "Dunholt's evening paper", "© 2026 Dunholt Evening News. All rights reserved.",
       twitter="@DunholtNews", sections=["News", "Health", "Politics", "Business", "Sport"])
outlet("kingsferry", "kingsferry-herald.example", "Kingsferry Herald", "newspaper",
       "Mainland and islands", "© 2026 Kingsferry Herald Ltd, Pier Road, Kingsferry.",
       sections=["News", "Islands", "Transport", "Business", "Sport"])
outlet("northgate", "northgate-advertiser.example", "Northgate Advertiser", "portal",
       "What's on, what's new, what matters", "© 2026 Northgate Advertiser.")
outlet("fairhaven", "fairhaven-independent.example", "Fairhaven Independent", "newspaper",
       "Owned by nobody but its readers", "© 2026 Fairhaven Independent Community Interest Company.",
       plea_title="Before you go", plea="We are a not-for-profit newsroom. If this story was useful, "
       "chip in what you can.")
outlet("stonebridge", "stonebridge-echo.example", "Stonebridge Echo", "newspaper",
       "Stonebridge and the Wold villages", "© 2026 Stonebridge Echo.")
outlet("westmarch", "westmarch-sentinel.example", "Westmarch Sentinel", "newspaper",
       "Westmarch's trusted news", "© 2026 Westmarch Sentinel Newspapers.", twitter="@WMSentinel")
outlet("carrick", "carrick-standard.example", "Carrick Standard", "portal",
       "Carrick city and county", "© 2026 Carrick Standard. Castle Square, Carrick.",
       sections=["News", "Sport", "Running", "Business", "Lifestyle"])
outlet("hollowmere", "hollowmere-voice.example", "Hollowmere Voice", "newspaper",
       "The valley's voice", "© 2026 Hollowmere Voice.", sections=["News", "Countryside", "Food",
       "Community", "Sport"])
outlet("ravensholt", "ravensholt-clarion.example", "Ravensholt Clarion", "newspaper",
       "Mining country news", "© 2026 The Ravensholt Clarion. Fore Street, Ravensholt.",
       plea_title="Read the Clarion in print", plea="The Clarion is on sale every Thursday in "
       "shops across the district. Subscribers get home delivery.")
outlet("millbrook", "millbrook-gazette.example", "Millbrook Gazette", "newspaper",
       "Millbrook borough news", "© 2026 Millbrook Gazette.")

# ---- wire republishers --------------------------------------------------------------------------

outlet("westgate", "westgate-times.example", "Westgate Times", "newspaper",
       "National and world news for the west", "© 2026 Westgate Times Group.",
       sections=["World", "National", "Business", "Opinion", "Sport"])
outlet("fenbridge", "fenbridge-daily.example", "Fenbridge Daily", "portal",
       "Fenbridge and the fens", "© 2026 Fenbridge Daily.", sections=["Local", "World", "Business",
       "Sport", "Weather"])
outlet("harlow", "harlow-evening-star.example", "Harlow Evening Star", "newspaper",
       "Harlow's evening paper since 1899", "© 2026 Harlow Evening Star.",
       sections=["News", "World", "Travel", "Business", "Sport"])
outlet("crossmoor", "crossmoor-news.example", "Crossmoor News", "portal",
       "News for Crossmoor and beyond", "© 2026 Crossmoor News Online.",
       sections=["Local", "World", "Money", "Sport"])
outlet("bbr", "bressania-business-review.example", "Bressania Business Review", "portal",
       "Markets, money and policy", "© 2026 Bressania Business Review.",
       sections=["Markets", "Economy", "Companies", "Property", "Opinion"])
outlet("vessara", "vessara-evening.example", "Vessara Evening", "newspaper",
       "The capital's evening paper", "© 2026 Vessara Evening Publishing.",
       sections=["City", "Economy", "Politics", "Culture", "Sport"])
outlet("continental", "the-continental-post.example", "The Continental Post", "newspaper",
       "Europe, explained", "© 2026 The Continental Post.", twitter="@ContinentalPost",
       sections=["Europe", "Economy", "Climate", "Ideas", "Travel"])

# ---- hard negatives ------------------------------------------------------------------------------

outlet("islandstoday", "islands-today.example", "Islands Today", "newspaper",
       "News from every island", "© 2026 Islands Today.", sections=["News", "Skarnvik", "Weather",
       "Fishing", "Sport"])
outlet("meridian", "the-meridian-post.example", "The Meridian Post", "portal",
       "News without borders", "© 2026 The Meridian Post.", sections=["World", "Science",
       "Travel", "Business"])
outlet("northsea", "northsea-radio.example", "North Sea Radio News", "newspaper",
       "Listen live on 97.4", "© 2026 North Sea Radio. News from the newsroom in Ostvik.",
       sections=["News", "Travel", "Weather", "Programmes"])
outlet("lakeside", "lakeside-community-times.example", "Lakeside Community Times", "wordpress",
       "Volunteer-run news for Lakeside", "Lakeside Community Times is run by volunteers. © 2026.",
       topbar="Lakeside Community Times is free to read and run by volunteers.")

# ---- aggregators, mirrors, excerpters, partners ----------------------------------------------------

outlet("worldwire", "worldwire-digest.example", "WorldWire Digest", "wordpress",
       "The world's independent press, in one place", "Copyright © WorldWire Digest 2011–2026. "
       "WorldWire Digest is a registered charity.",
       topbar="WorldWire Digest takes no advertising and depends on readers like you.",
       sections=["World", "Regions", "Economy", "Environment", "Analysis", "About"])
outlet("commons", "thecommonsreader.example", "The Commons Reader", "wordpress",
       "Good journalism, shared", "© 2026 The Commons Reader. Articles are republished under "
       "licence from their publishers.", topbar="The Commons Reader is free, and it stays free "
       "because readers chip in.", sections=["Latest", "Politics", "Society", "Culture", "Places"])
outlet("dailyrepost", "dailyrepost.example", "DailyRepost", "scraper",
       "Today's stories, reposted", "© 2026 DailyRepost. All trademarks belong to their owners.")
outlet("headlinestack", "headline-stack.example", "Headline Stack", "scraper",
       "Every headline, one stack", "Headline Stack — 2026.")
outlet("newsmill", "newsmill.example", "NewsMill", "scraper",
       "News, milled fresh", "© 2026 NewsMill Media.")
outlet("allnews24", "allnews24.example", "AllNews24", "scraper",
       "News around the clock", "© AllNews24. Content is provided for information only.")
outlet("feedmirror", "feedmirror.example", "FeedMirror", "scraper",
       "The stories people are sharing", "© 2026 FeedMirror.")
outlet("bestofweb", "bestofweb-news.example", "Best of Web News", "scraper",
       "The best of the web, daily", "Best of Web News 2026.")
outlet("localbuzz", "localbuzz-now.example", "LocalBuzz Now", "scraper",
       "Local news, buzzing", "© 2026 LocalBuzz Now.")
outlet("citybuzz", "citybuzz-feed.example", "CityBuzz Feed", "scraper",
       "City life, fed to you", "© 2026 CityBuzz Feed.")
outlet("newsroll", "newsroll-today.example", "NewsRoll Today", "scraper",
       "Rolling news", "© 2026 NewsRoll Today.")
outlet("infopress", "infopress-central.example", "InfoPress Central", "scraper",
       "Information first", "© 2026 InfoPress Central.")
outlet("globalflash", "globalflash-news.example", "GlobalFlash News", "scraper",
       "Breaking news from everywhere", "© 2026 GlobalFlash News LLC, Chicago.")
outlet("truthwatch", "truthwatch-daily.example", "TruthWatch Daily", "wordpress",
       "The news they don't want you to skip", "© 2026 TruthWatch Daily.",
       topbar="TruthWatch Daily is 100% reader funded.")
outlet("headlinefeed", "headlinefeed24.example", "HeadlineFeed24", "scraper",
       "Headlines 24/7", "© 2026 HeadlineFeed24.")
outlet("islandnews", "islandnews-now.example", "IslandNews Now", "scraper",
       "Island news as it happens", "© 2026 IslandNews Now.")
outlet("newsbeat", "newsbeat-portal.example", "NewsBeat Portal", "scraper",
       "Keep up with the beat", "© 2026 NewsBeat Portal.")
outlet("newsstand", "newsstand-central.example", "Newsstand Central", "scraper",
       "All the papers, one stand", "© 2026 Newsstand Central.")
outlet("morning", "morning-roundup.example", "The Morning Roundup", "brief",
       "Five minutes of regional news before work", "The Morning Roundup quotes short extracts and "
       "links to the full stories. © 2026.", sections=["Today", "By region", "Archive", "Newsletter"])
outlet("coastwatch", "coastwatch-notes.example", "Coastwatch Notes", "blog",
       "A birdwatcher's notebook from the east coast", "© 2026 Coastwatch Notes.",
       sections=["Notes", "Birds", "Tides", "About"],
       about="Notes on birds, tides and coastal life, kept by a retired teacher since 2009.")
outlet("canvas", "canvas-and-frame.example", "Canvas and Frame", "blog",
       "Paintings, galleries and the stories behind them", "© 2026 Canvas and Frame.",
       sections=["Posts", "Galleries", "Artists", "About"],
       about="An amateur's blog about regional art, galleries and auctions.")
outlet("civicpulse", "civic-pulse.example", "Civic Pulse", "wordpress",
       "Local democracy, explained", "© 2026 Civic Pulse. Registered as a community newsroom.",
       topbar="Civic Pulse is free and independent.", sections=["Councils", "Elections",
       "Planning", "Budgets", "Newsletter"])
outlet("railfan", "railfan-digest.example", "Railfan Digest", "wordpress",
       "Railway preservation news", "© 2026 Railfan Digest.", topbar="Railfan Digest is run by volunteers.",
       sections=["Steam", "Heritage lines", "Events", "Modelling"])
outlet("greenplanet", "greenplanet-stories.example", "Green Planet Stories", "wordpress",
       "Good news for the planet", "© 2026 Green Planet Stories.",
       topbar="Green Planet Stories plants a tree for every new subscriber.",
       sections=["Wildlife", "Climate", "Oceans", "Solutions"])
outlet("rnn", "regional-news-network.example", "Regional News Network", "portal",
       "Partner news from across the regions", "© 2026 Regional News Network. Stories from our "
       "partner titles are published under syndication agreements.",
       sections=["Regions", "Politics", "Community", "Business"])
outlet("petcare", "petcare-roundup.example", "PetCare Roundup", "portal",
       "News for pet owners", "© 2026 PetCare Roundup.", sections=["Dogs", "Cats", "Health",
       "Advice"])
outlet("sportsdesk", "sportsdesk-syndicate.example", "SportsDesk", "portal",
       "Sport from the regional press", "© 2026 SportsDesk Syndicate.",
       sections=["Football", "Athletics", "Rugby", "Cycling"])
outlet("countryside", "countryside-feed.example", "Countryside Feed", "scraper",
       "Rural news from all over", "© 2026 Countryside Feed.")
outlet("politicswatch", "localpolitics-watch.example", "Local Politics Watch", "blog",
       "Keeping an eye on town halls", "© 2026 Local Politics Watch.",
       sections=["Posts", "Councils", "Archive", "About"],
       about="A former council officer's blog about local government.")

# ---- other languages ---------------------------------------------------------------------------------

outlet("courrierlandes", "courrier-des-landes.example", "Le Courrier des Landes", "newspaper",
       "Le quotidien des pins et de l'océan", "© 2026 Le Courrier des Landes. Tous droits réservés.",
       lang="fr")
outlet("actupartage", "actu-partage.example", "Actu Partage", "scraper",
       "L'info qui se partage", "© 2026 Actu Partage.", lang="fr")
outlet("revueregionale", "revue-regionale.example", "La Revue Régionale", "wordpress",
       "Le meilleur de la presse locale", "© 2026 La Revue Régionale.", lang="fr",
       topbar="La Revue Régionale vit grâce à ses lecteurs.")
outlet("nordtaler", "nordtaler-rundschau.example", "Nordtaler Rundschau", "newspaper",
       "Die Zeitung für das Nordtal", "© 2026 Nordtaler Rundschau Verlag GmbH.", lang="de")
outlet("nachrichtenspiegel", "nachrichtenspiegel.example", "Nachrichtenspiegel", "scraper",
       "Nachrichten im Überblick", "© 2026 Nachrichtenspiegel.", lang="de")
outlet("presseschau", "presseschau-online.example", "Presseschau Online", "portal",
       "Das Beste aus der Regionalpresse", "© 2026 Presseschau Online.", lang="de")
outlet("heraldovalle", "heraldo-del-valle.example", "El Heraldo del Valle", "newspaper",
       "El diario de la sierra y el valle", "© 2026 El Heraldo del Valle S.L.", lang="es")
outlet("noticiasaldia", "noticias-al-dia.example", "Noticias al Día", "scraper",
       "Toda la actualidad", "© 2026 Noticias al Día.", lang="es")
outlet("portalresumen", "portal-resumen.example", "Portal Resumen", "wordpress",
       "Lo mejor de la prensa local", "© 2026 Portal Resumen.", lang="es",
       topbar="Portal Resumen se mantiene gracias a sus lectores.")
outlet("gazzetta", "gazzetta-di-borgoalto.example", "Gazzetta di Borgoalto", "newspaper",
       "Il quotidiano della valle", "© 2026 Gazzetta di Borgoalto S.r.l.", lang="it")
outlet("notizieinrete", "notizie-in-rete.example", "Notizie in Rete", "scraper",
       "Le notizie del web", "© 2026 Notizie in Rete.", lang="it")
outlet("vozdaserra", "voz-da-serra.example", "Voz da Serra", "newspaper",
       "O jornal da serra e do mar", "© 2026 Voz da Serra.", lang="pt")
outlet("portalleituras", "portal-leituras.example", "Portal Leituras", "wordpress",
       "Boas leituras da imprensa regional", "© 2026 Portal Leituras.", lang="pt",
       topbar="O Portal Leituras é gratuito e independente.")
outlet("severny", "severny-vestnik.example", "Северный вестник", "newspaper",
       "Газета северного края", "© 2026 «Северный вестник». Все права защищены.", lang="ru")
outlet("novostidnya", "novosti-dnya.example", "Новости дня", "scraper",
       "Все новости за день", "© 2026 Новости дня.", lang="ru")


# ---- sidebar headlines ---------------------------------------------------------------------------------

_WORDS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        ["Ambleforth", "Barrowdene", "Caddisford", "Dunmarrow", "Elsby Cross", "Farnhollow",
         "Gilderwick", "Hatherleigh", "Inglestone", "Kelderby", "Lanthorn Bay", "Mossgill",
         "Netherwold", "Oakhaven", "Pellbridge", "Quarrendon", "Rookhurst", "Stavely Green",
         "Thornmere", "Ullswick", "Vennford", "Wickhamtor", "Yarrowby", "Zennor Reach"],
        ["allotment holders", "parish councillors", "bell ringers", "lifeboat volunteers",
         "bakers", "school governors", "taxi drivers", "harbour pilots", "apple growers",
         "choir members", "library campaigners", "cyclists", "market traders", "care workers",
         "beekeepers", "football supporters", "tenants", "trawler crews", "midwives",
         "organic farmers", "shop owners", "pensioners"],
        ["win appeal over parking charges", "raise money for a new roof", "march against a closure plan",
         "celebrate a centenary", "demand a lower speed limit", "vote to merge with their neighbours",
         "reject the latest pay offer", "open a repair café", "warn of rising rents",
         "mark fifty years of service", "plant a thousand trees", "clash over a housing plan",
         "break a record at the county show", "ask for a safer crossing",
         "welcome a new timetable", "launch a petition to save the post office",
         "prepare for a busy summer", "hold a vigil on the green", "take the council to court",
         "unveil a memorial bench"],
    ),
    "fr": (
        ["Saint-Aubin-des-Dunes", "Mimizac", "Port-Landais", "Sabres-le-Vieux", "Castelgrave",
         "Lagrange-sur-Leyre", "Hossegrand", "Pontenx-les-Sables"],
        ["Les ostréiculteurs", "Les parents d'élèves", "Les commerçants", "Les pompiers volontaires",
         "Les chasseurs", "Les surfeurs", "Les retraités", "Les maraîchers", "Les riverains"],
        ["réclament un nouveau parking", "fêtent les cent ans de leur association",
         "manifestent devant la mairie", "s'inquiètent de l'érosion", "lancent une pétition",
         "ouvrent une épicerie solidaire", "préparent la fête du village", "votent contre le projet"],
    ),
    "de": (
        ["Felsheim", "Altenbruck", "Nordtal-Mitte", "Hagenau am See", "Bergwiese", "Kallstedt",
         "Unterrieden", "Wolfsgrund"],
        ["Landwirte", "Eltern", "Händler", "Feuerwehrleute", "Radfahrer", "Rentner", "Winzer",
         "Anwohner", "Vereinsmitglieder"],
        ["fordern mehr Parkplätze", "feiern Vereinsjubiläum", "protestieren vor dem Rathaus",
         "sammeln Unterschriften", "eröffnen einen Dorfladen", "warnen vor steigenden Mieten",
         "pflanzen hundert Obstbäume", "stimmen gegen Neubaugebiet"],
    ),
    "es": (
        ["Villarreja de la Sierra", "Fuentealba", "Torrecilla del Río", "San Martín de la Vega Alta",
         "Peñascal", "Valdeolmos de Arriba", "Cañadahonda", "Robledillo"],
        ["Los agricultores", "Los vecinos", "Los comerciantes", "Los bomberos", "Los ganaderos",
         "Los jubilados", "Los padres del colegio", "Los apicultores", "Los pescadores"],
        ["piden un nuevo centro de salud", "celebran el centenario de la banda",
         "protestan ante el ayuntamiento", "recogen firmas", "abren una cooperativa",
         "reclaman más autobuses", "plantan mil árboles", "rechazan la nueva granja"],
    ),
    "it": (
        ["Borgoalto", "Valfonda", "San Cesario in Monte", "Pietrarossa", "Castelmarino",
         "Roccavecchia", "Ponte Oscuro", "Lago Verde"],
        ["I commercianti", "I genitori", "Gli agricoltori", "I vigili del fuoco", "I pendolari",
         "I pensionati", "I residenti", "Gli artigiani", "I pescatori"],
        ["chiedono più parcheggi", "festeggiano il centenario della banda",
         "protestano davanti al municipio", "raccolgono firme", "aprono un emporio solidale",
         "temono la chiusura dell'ufficio postale", "piantano cento ulivi", "votano contro il progetto"],
    ),
    "pt": (
        ["Vila Nova do Cabo", "Serra Alta", "Pedras Brancas", "São Romão da Ribeira", "Alfeizal",
         "Monte Escuro", "Porto Velho do Sul", "Aldeia das Fontes"],
        ["Os pescadores", "Os comerciantes", "Os agricultores", "Os bombeiros", "Os moradores",
         "Os reformados", "Os pais dos alunos", "Os apicultores", "Os taxistas"],
        ["pedem um novo centro de saúde", "celebram o centenário da banda",
         "protestam em frente à câmara", "recolhem assinaturas", "abrem uma cooperativa",
         "reclamam mais autocarros", "plantam mil árvores", "rejeitam o novo aterro"],
    ),
    "ru": (
        ["Белоярске", "Верхнеозёрске", "Северогорске", "Каменке", "Заречном", "Лесогорске",
         "Светловодске", "Старой Ладе"],
        ["Жители", "Фермеры", "Пенсионеры", "Родители школьников", "Предприниматели",
         "Водители автобусов", "Рыбаки", "Студенты", "Волонтёры"],
        ["требуют отремонтировать дорогу", "отметили юбилей посёлка", "собирают подписи",
         "открыли новый сквер", "жалуются на тарифы", "высадили тысячу деревьев",
         "выступили против стройки", "готовятся к празднику"],
    ),
}


def sidebar_headlines(o: dict[str, Any], which: str, n: int) -> list[str]:
    """n invented headlines for one box of one outlet, always the same."""
    places, subjects, predicates = _WORDS[o["lang"]]
    seed = int(hashlib.sha256(f"{o['host']}|{which}".encode()).hexdigest()[:12], 16)
    rng = random.Random(seed)
    combos = [(a, b, c) for a in places for b in subjects for c in predicates]
    picks = rng.sample(combos, n)
    out = []
    for place, subject, predicate in picks:
        if o["lang"] == "en":
            out.append(f"{place} {subject} {predicate}")
        elif o["lang"] == "ru":
            out.append(f"{subject} в {place} {predicate}")
        elif o["lang"] == "de":
            out.append(f"{place}: {subject} {predicate}")
        else:  # a headline goes on in lower case after the colon in these languages
            lowered = subject[0].lower() + subject[1:]
            out.append(f"{place} : {lowered} {predicate}" if o["lang"] == "fr"
                       else f"{place}: {lowered} {predicate}")
    return out
