# sensitivity-transformer-d-model-64-ff-128-heads-4-layers-2-m-7688359a: final loss against the learning rate; points are means over seeds, bars span min to max, circles mark the tuned choice
# Render from this folder with: gnuplot -c sensitivity-transformer-d-model-64-ff-128-heads-4-layers-2-m-7688359a.gp 'TITLE'
# Labels come from sensitivity-transformer-d-model-64-ff-128-heads-4-layers-2-m-7688359a.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'sensitivity-transformer-d-model-64-ff-128-heads-4-layers-2-m-7688359a.dat'
set terminal pngcairo noenhanced size 900,538 font 'Sans,10'
set output 'sensitivity-transformer-d-model-64-ff-128-heads-4-layers-2-m-7688359a.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'learning rate lr (log scale)'
set ylabel 'final validation loss (log scale)'
set border 3
set tics nomirror
set logscale y
set format y '%g'
set logscale x
set format x '%g'
set offsets graph 0.05, graph 0.05, 0, 0
set yrange [1.5025999023793688:1.6412823668054446]
N = 1
plot for [i=0:N-1] datafile index i using 1:2:3:4 with yerrorlines ps 0.8 lw 1.5 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2), \
     for [i=0:N-1] datafile index i using 1:($6 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb '#000000' title (i == 0 ? 'selected by the tuning rule' : '')
set terminal svg noenhanced size 900,538 font 'Sans,10' background rgb '#ffffff'
set output 'sensitivity-transformer-d-model-64-ff-128-heads-4-layers-2-m-7688359a.svg'
replot
set output
