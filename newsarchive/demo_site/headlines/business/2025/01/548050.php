<!DOCTYPE html>
<html lang="ja">
<head prefix="og: http://ogp.me/ns# fb: http://ogp.me/ns/fb# article: http://ogp.me/ns/article#">
<meta charset="UTF-8">
<meta name="viewport" content="width=1100">
<link rel="stylesheet" href="/css/common/import.css" type="text/css">
<link rel="stylesheet" href="/css/print.css" type="text/css" media="print"/>
<script src="/js/lib/jquery.min.js"></script>
</head>
<body id="headlines" class=" ">
<!-- container -->
<div id="container" class="headlines">
<!-- bnrHead -->
<div id="bnrHead" class="imgOver">
<ins class="adsbygoogle" style="display:inline-block;width:728px;height:90px" data-ad-client="ca-pub-8662315226639749" data-ad-slot="5330521871"></ins>
<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>
</div>
<!-- /bnrHead -->
<div id="head">
<div class="header_inner">
<div id="naviWrap" class="clearfix">
<ul id="navi" class="rollover clearfix">
<li class="nav_global"><a href="http://www.newsweek.com/" target="_blank"><span class="icon"></span>Newsweek.com</a></li>
<li class="nav_search"><span class="icon"></span>
<form id="cse-search-box" action="/search/" method="get"><input type="text" name="q" class="l-search__text" id="searchinput" placeholder="サイト内検索"/></form>
</li>
<li class="nav_magazine"><a href="/magazine/">本誌紹介<span class="arrow_left_w"></span></a></li>
<li class="nav_subscription"><a href="https://fujisan.co.jp/pc/web-nwj" target="_blank">お得な定期購読<span class="arrow_left_w"></span></a></li>
</ul>
</div>
<ul id="categoryNaviWrap" class="rollover clearfix">
<li class="js-login" style="display:none"><a href="/login/">ログイン</a></li>
<li class="js-mypage nav_paywall member" style="display:none"><a href="javascript:void(0)">会員情報</a>
<div><ul><li><a href="/mypage/">マイページ</a></li><li><a href="/logout/">ログアウト</a></li></ul></div>
</li>
<li class="nav_stories"><a class="txt_col_rd" href="/stories/">最新記事</a></li>
<li class="nav_column"><a class="txt_col_gr" href="/column/">コラム一覧</a></li>
<li class="nav_headlines"><a class="txt_col_bl" href="/headlines/">ニュース速報</a></li>
<li class="nav_ranking"><a class="txt_col_rd" href="#sideRankingPanel">ランキング</a></li>
</ul>
<div id="logo"><a href="/"><img src="/images/header/logo.gif" width="382" height="57" alt="Newsweek" title="Newsweek" /></a></div>
<div id="pageNaviWrap" class="clearfix">
<ul class="rollover clearfix">
<li><a href="/headlines/world/">ワールド</a></li>
<li><a href="/headlines/business/">ビジネス</a></li>
<li><a href="/stories/">特集・最新記事</a></li>
<li><a href="/column/">コラム</a></li>
</ul>
</div>
</div>
</div>
<!-- /head -->
<!-- contentWrap -->
<div id="contentWrap" class="clearfix">
<div id="contentHead" class="clearfix"><dl id="keyWord">
<dt
