# profile-wall-time-f879999f: Dolan-Moré performance profile of wall time to reach the target; misses never reach it
# Render from this folder with: gnuplot -c profile-wall-time-f879999f.gp 'TITLE'
# Labels come from profile-wall-time-f879999f.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'profile-wall-time-f879999f.dat'
set terminal pngcairo noenhanced size 900,538 font 'Sans,10'
set output 'profile-wall-time-f879999f.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'performance ratio tau (cost / lowest cost on the instance, log2 scale)'
set ylabel 'fraction of problem instances with ratio <= tau'
set border 3
set tics nomirror
set logscale x 2
set mxtics 4
set grid xtics mxtics ytics lc rgb '#d0d0d0', lc rgb '#eeeeee'
set format x '%g'
set xrange [1:2.0]
set yrange [0:1.05]
N = 1
plot for [i=0:N-1] datafile index i using 1:2 with steps lw 2 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2)
set terminal svg noenhanced size 900,538 font 'Sans,10' background rgb '#ffffff'
set output 'profile-wall-time-f879999f.svg'
replot
set output
